import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { BASE, courtByName, loggedIn, runDocketAlarm, TOKEN } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docket Alarm: trackers', () => {
	it('lists every tracker 50 at a time, without the push debug record unless asked (its URL redacted)', async () => {
		const trackers = Array.from({ length: 60 }, (_, index) => ({
			court: 'C',
			docket: `d-${index}`,
			enabled: true,
			last_updated: '06/01/2017',
			_api_push_debug_info: {
				request_url: 'https://user:hunter2@hooks.example/x',
				response_code: 200,
			},
		}));
		const queries: string[] = [];
		nock(BASE)
			.persist()
			.get('/api/v1/track/')
			.query(true)
			.reply(function (uri) {
				const params = new URL(uri, BASE).searchParams;
				queries.push(`${params.get('offset')}/${params.get('limit')}`);
				const offset = Number(params.get('offset'));
				return [
					200,
					{ success: true, dockets: trackers.slice(offset, offset + Number(params.get('limit'))) },
				];
			});
		const plain = await runDocketAlarm(
			{ resource: 'tracker', operation: 'getAll', returnAll: true },
			loggedIn(),
		);
		expect(queries).toEqual(['0/50', '50/50']);
		expect(plain.output).toHaveLength(60);
		expect(plain.output[0].json).toEqual({
			court: 'C',
			docket: 'd-0',
			enabled: true,
			last_updated: '06/01/2017',
			last_updated_iso: '2017-06-01',
		});
		const debug = await runDocketAlarm(
			{
				resource: 'tracker',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				options: { includeDebugInfo: true },
			},
			loggedIn(),
		);
		expect(JSON.stringify(debug.output)).not.toContain('hunter2');
		expect((debug.output[0].json._api_push_debug_info as { request_url: string }).request_url).toBe(
			'https://user:[redacted]@hooks.example/x',
		);
		nock.cleanAll();
	});

	it('creates docket trackers and disables search trackers with form posts (Docket Alarm has no delete)', async () => {
		const created = capture(nock(BASE).post('/api/v1/track/').query(true), 200, { success: true });
		const { output } = await runDocketAlarm(
			{
				resource: 'tracker',
				operation: 'create',
				trackerType: 'docket',
				court: courtByName('Texas Eastern District Court'),
				docket: '6:13-cv-00442',
				frequency: 'weekly',
			},
			loggedIn(),
		);
		expect(created[0].form).toEqual({
			court: ['Texas Eastern District Court'],
			docket: ['6:13-cv-00442'],
			enable: ['true'],
			frequency: ['weekly'],
			client_matter: ['CM-default'],
			login_token: [TOKEN],
		});
		expect(output[0].json).toMatchObject({ enabled: true, frequency: 'weekly' });

		// Docket Alarm has no delete: the operation is named for what it does, and says so in its output.
		const removed = capture(nock(BASE).post('/api/v1/track/').query(true), 200, { success: true });
		const disabling = await runDocketAlarm(
			{
				resource: 'tracker',
				operation: 'disable',
				trackerType: 'search',
				query: 'party:(name:"Acme")',
			},
			loggedIn(),
		);
		expect(removed[0].form).toMatchObject({
			q: ['party:(name:"Acme")'],
			court: [''],
			docket: [''],
			enable: ['false'],
		});
		expect(disabling.output[0].json).toMatchObject({
			q: 'party:(name:"Acme")',
			enabled: false,
			disabled: true,
		});
		expect(disabling.output[0].json).not.toHaveProperty('deleted');
	});
});

describe('Docket Alarm: test push', () => {
	it('asks Docket Alarm for a sample push with track/ and test, and nothing else', async () => {
		const sent = capture(nock(BASE).post('/api/v1/track/').query(true), 200, { success: true });
		const { output } = await runDocketAlarm(
			{ resource: 'tracker', operation: 'sendTestPush' },
			loggedIn(),
		);
		expect(sent[0].form).toEqual({ test: ['true'], login_token: [TOKEN] });
		expect(output[0].json).toEqual({ testPushSent: true });
	});
});
