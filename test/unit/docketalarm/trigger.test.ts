import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DocketAlarmTrigger, pushUrl } from '../../../nodes/DocketAlarm/DocketAlarmTrigger.node';
import {
	nodeContexts,
	WEBHOOK_BASE_URL,
	type ContextOptions,
	type WebhookCall,
} from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { BASE, docketResponse, loggedIn } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const SECRET = 'push-secret-0123456789abcdef';
const WEBHOOK_ID = '9d1';
const WEBHOOK_URL = `${WEBHOOK_BASE_URL}/${WEBHOOK_ID}/webhook`;
const docketPush = {
	push_type: 'docket',
	court: 'New York Southern District Court',
	docket: '1:11-cv-06909',
	info: docketResponse.info,
	docket_report: docketResponse.docket_report,
	parties: [],
};

interface TriggerOptions extends Partial<Omit<ContextOptions, 'nodeType' | 'parameters'>> {
	/** The push the node is handed. */
	request?: WebhookCall;
}

/** The trigger on n8n-core's contexts, as an active workflow (or a test listen) runs it. */
function trigger(parameters: IDataObject, { request, ...options }: TriggerOptions = {}) {
	const node = new DocketAlarmTrigger();
	const contexts = nodeContexts({
		nodeType: node,
		parameters: {
			events: ['docket', 'search_results', 'new_case'],
			authentication: 'token',
			pushSecret: SECRET,
			output: 'items',
			options: {},
			management: {},
			...parameters,
		} as INodeParameters,
		...loggedIn(),
		webhookId: WEBHOOK_ID,
		...options,
	});
	const call = contexts.webhook(request);
	const hooks = node.webhookMethods.default;
	return {
		state: { staticData: contexts.staticData, response: call.response },
		webhook: () => node.webhook.call(call.context),
		checkExists: () => hooks.checkExists.call(contexts.hooks()),
		create: () => hooks.create.call(contexts.hooks()),
		delete: () => hooks.delete.call(contexts.hooks()),
	};
}

const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Docket Alarm Trigger: receiving pushes', () => {
	it.each([
		['no secret', { authentication: 'token' }, {}, {}],
		['a wrong secret', { authentication: 'token' }, { token: 'nope' }, {}],
		[
			'no Basic credentials',
			{ authentication: 'basicAuth', pushUser: 'da', pushPassword: 'pw-basic-1' },
			{},
			{},
		],
		[
			'wrong Basic credentials',
			{ authentication: 'basicAuth', pushUser: 'da', pushPassword: 'pw-basic-1' },
			{},
			{ authorization: basic('da', 'guess') },
		],
	])('refuses a push with %s: 401, no execution', async (_label, parameters, query, headers) => {
		const { webhook, state } = trigger(parameters, {
			request: { query, headers, body: docketPush },
		});
		expect(await webhook()).toEqual({ noWebhookResponse: true });
		expect(state.response.statusCode).toBe(401);
		if (parameters.authentication === 'basicAuth')
			expect(state.response.headers['www-authenticate']).toContain('Basic');
	});

	it('emits one item per new docket entry, with the case and ISO dates', async () => {
		const { webhook } = trigger({}, { request: { query: { token: SECRET }, body: docketPush } });
		const [items] = (await webhook()).workflowData!;
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				push_type: 'docket',
				court: docketPush.court,
				docket: docketPush.docket,
				title: docketResponse.info.title,
				number: 107,
				date_iso: '2014-09-11',
			}),
			expect.objectContaining({ contents: 'Minute Entry' }),
		]);
	});

	it('accepts Basic credentials embedded in the push URL, and can emit the whole notification', async () => {
		const { webhook } = trigger(
			{
				authentication: 'basicAuth',
				pushUser: 'da',
				pushPassword: 'pw-basic-1',
				output: 'notification',
			},
			{
				request: {
					headers: { authorization: basic('da', 'pw-basic-1') },
					body: {
						push_type: 'search_results',
						q: 'Acme',
						title: 'Acme search',
						search_results: [{ docket: 'x' }],
					},
				},
			},
		);
		const [items] = (await webhook()).workflowData!;
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ push_type: 'search_results', q: 'Acme' });
	});

	it('splits search results, keeping the query with each', async () => {
		const { webhook } = trigger(
			{},
			{
				request: {
					query: { token: SECRET },
					body: {
						push_type: 'new_case',
						party_name: 'Sony',
						search_results: [{ docket: 'a', date_filed: '8/8/2013' }, { docket: 'b' }],
					},
				},
			},
		);
		const [items] = (await webhook()).workflowData!;
		expect(items.map((item) => item.json)).toEqual([
			{
				push_type: 'new_case',
				party_name: 'Sony',
				q: undefined,
				search_title: undefined,
				search_link: undefined,
				docket: 'a',
				date_filed: '8/8/2013',
				date_filed_iso: '2013-08-08',
			},
			{
				push_type: 'new_case',
				party_name: 'Sony',
				q: undefined,
				search_title: undefined,
				search_link: undefined,
				docket: 'b',
			},
		]);
	});

	it('drops a retried delivery of the same push, and ignores unselected or malformed pushes', async () => {
		const staticData = {};
		const first = await trigger(
			{},
			{ staticData, workflowId: 'wf-da', request: { query: { token: SECRET }, body: docketPush } },
		).webhook();
		expect(first.workflowData).toBeDefined();
		const retry = trigger(
			{},
			{ staticData, workflowId: 'wf-da', request: { query: { token: SECRET }, body: docketPush } },
		);
		expect(await retry.webhook()).toEqual({ noWebhookResponse: true });
		expect(retry.state.response).toMatchObject({
			statusCode: 200,
			body: { received: true, ignored: 'repeated delivery' },
		});

		const unselected = trigger(
			{ events: ['docket'] },
			{
				request: { query: { token: SECRET }, body: { push_type: 'new_case', search_results: [] } },
			},
		);
		expect(await unselected.webhook()).toEqual({ noWebhookResponse: true });
		expect(unselected.state.response.statusCode).toBe(200);
		const malformed = trigger({}, { request: { query: { token: SECRET }, body: { hello: 1 } } });
		expect(await malformed.webhook()).toEqual({ noWebhookResponse: true });
		expect(malformed.state.response.statusCode).toBe(400);
	});
});

describe('Docket Alarm Trigger: management on activation', () => {
	const management = {
		subaccountEmail: 'alerts@firm.example',
		subaccountPassword: 'Sub-Pass-1',
		dockets: { docket: [{ court: 'Texas Eastern District Court', docket: '6:13-cv-00442' }] },
		queries: ['party:(name:"Acme")'],
		frequency: 'twice_daily',
	};

	it('builds push URLs with the secret or the Basic credentials', () => {
		expect(pushUrl(WEBHOOK_URL, 'token', SECRET, '', '')).toBe(`${WEBHOOK_URL}?token=${SECRET}`);
		expect(pushUrl(WEBHOOK_URL, 'basicAuth', '', 'da', 'p@ss:word')).toBe(
			'https://da:p%40ss%3Aword@n8n.example.com/webhook/9d1/webhook',
		);
	});

	it('needs nothing registered when it manages nothing', async () => {
		expect(await trigger({}).checkExists()).toBe(true);
		expect(await trigger({ management }).checkExists()).toBe(false);
	});

	it('leaves the active workflow’s setup alone when a test listen starts and ends', async () => {
		const staticData = {
			managed: {
				pushUrlSubaccount: 'alerts@firm.example',
				trackers: [{ court: 'C', docket: 'D' }],
			},
		};
		const listen = trigger({ management }, { mode: 'manual', staticData });
		expect(await listen.checkExists()).toBe(true);
		expect(await listen.create()).toBe(true);
		expect(await listen.delete()).toBe(true);
		expect(listen.state.staticData.managed).toEqual(staticData.managed);
	});

	it('refuses a short push secret', async () => {
		await expect(trigger({ pushSecret: 'short' }).create()).rejects.toThrow(
			'Push Secret must be at least 16 characters',
		);
	});

	it('points the sub-account at this trigger and enables the trackers, then undoes both', async () => {
		// The account's list shows one search tracker (switched off) and not the docket: both are new.
		nock(BASE)
			.get('/api/v1/track/')
			.query(true)
			.reply(200, {
				success: true,
				dockets: [{ court: '', docket: '', q: 'party:(name:"Acme")', enabled: false }],
			});
		const subaccount = capture(nock(BASE).post('/api/v1/subaccount/').query(true).times(2), 200, {
			success: true,
		});
		const tracks = capture(nock(BASE).post('/api/v1/track/').query(true).times(4), 200, {
			success: true,
		});
		const { create, state } = trigger({ management });
		expect(await create()).toBe(true);
		expect(subaccount[0].form).toMatchObject({
			username: ['alerts@firm.example'],
			password: ['Sub-Pass-1'],
			api_push_url: [`${WEBHOOK_URL}?token=${SECRET}`],
		});
		expect(tracks.map((request) => request.form)).toEqual([
			expect.objectContaining({
				court: ['Texas Eastern District Court'],
				docket: ['6:13-cv-00442'],
				enable: ['true'],
				frequency: ['twice_daily'],
			}),
			expect.objectContaining({
				q: ['party:(name:"Acme")'],
				court: [''],
				docket: [''],
				enable: ['true'],
			}),
		]);

		const { delete: remove } = trigger({ management }, { staticData: state.staticData });
		expect(await remove()).toBe(true);
		expect(tracks.slice(2).map((request) => request.form!.enable)).toEqual([['false'], ['false']]);
		expect(subaccount[1].form!.api_push_url).toEqual(['']);
		expect(state.staticData.managed).toBeUndefined();
	});

	it('leaves trackers the user had switched on before activation on when deactivated', async () => {
		const docket = { court: 'Texas Eastern District Court', docket: '6:13-cv-00442' };
		const other = { court: 'Delaware District Court', docket: '1:20-cv-00001' };
		const own = {
			dockets: { docket: [docket, other] },
			queries: ['party:(name:"Acme")', 'is:docket Beta'],
		};
		// The user already tracks the first docket and the first search; the second docket is listed but off.
		nock(BASE)
			.get('/api/v1/track/')
			.query(true)
			.reply(200, {
				success: true,
				dockets: [
					{ ...docket, q: '', enabled: true, frequency: 'weekly' },
					{ ...other, q: '', enabled: false },
					{ court: '', docket: '', q: 'party:(name:"Acme")', enabled: true },
				],
			});
		const tracks = capture(nock(BASE).post('/api/v1/track/').query(true).times(6), 200, {
			success: true,
		});
		const { create, state } = trigger({ management: own });
		expect(await create()).toBe(true);
		expect(tracks).toHaveLength(4);

		const { delete: remove } = trigger({ management: own }, { staticData: state.staticData });
		expect(await remove()).toBe(true);
		const switchedOff = tracks.slice(4).map((request) => request.form!);
		expect(switchedOff).toEqual([
			expect.objectContaining({ court: [other.court], docket: [other.docket], enable: ['false'] }),
			expect.objectContaining({ q: ['is:docket Beta'], enable: ['false'] }),
		]);
	});

	it('keeps as its own a tracker an earlier activation switched on (n8n activates again after a restart)', async () => {
		const docket = { court: 'Texas Eastern District Court', docket: '6:13-cv-00442' };
		const own = { dockets: { docket: [docket] } };
		nock(BASE)
			.get('/api/v1/track/')
			.query(true)
			.reply(200, { success: true, dockets: [{ ...docket, q: '', enabled: true }] });
		const tracks = capture(nock(BASE).post('/api/v1/track/').query(true).times(2), 200, {
			success: true,
		});
		const { create, state } = trigger(
			{ management: own },
			{ staticData: { managed: { trackers: [{ ...docket }] } } },
		);
		await create();
		await trigger({ management: own }, { staticData: state.staticData }).delete();
		expect(tracks.map((request) => request.form!.enable)).toEqual([['true'], ['false']]);
	});

	it('leaves a search tracker on when the account list shows no searches (it may not list them)', async () => {
		nock(BASE).get('/api/v1/track/').query(true).reply(200, { success: true, dockets: [] });
		const tracks = capture(nock(BASE).post('/api/v1/track/').query(true).times(3), 200, {
			success: true,
		});
		const own = {
			dockets: { docket: [{ court: 'Texas Eastern District Court', docket: '6:13-cv-00442' }] },
			queries: ['party:(name:"Acme")'],
		};
		const { create, state } = trigger({ management: own });
		await create();
		await trigger({ management: own }, { staticData: state.staticData }).delete();
		expect(tracks.slice(2).map((request) => request.form!)).toEqual([
			expect.objectContaining({ docket: ['6:13-cv-00442'], enable: ['false'] }),
		]);
	});
});

describe('Docket Alarm Trigger in the editor', () => {
	it('says in one sentence why a test listen gets no push, and what to use instead', () => {
		const notices = new DocketAlarmTrigger().description.properties.filter(
			(property) => property.type === 'notice',
		);
		const test = notices.find((notice) => notice.name === 'testNotice')!;
		expect(test.displayName).toContain('Send Test Push');
		expect(test.displayName.split(/\.\s|:\s/).length).toBeLessThanOrEqual(2);
	});
});
