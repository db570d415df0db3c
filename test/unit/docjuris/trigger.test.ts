import { createHash } from 'node:crypto';
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { DocJurisTrigger } from '../../../nodes/DocJuris/DocJurisTrigger.node';
import {
	nodeContexts,
	WEBHOOK_BASE_URL,
	WEBHOOK_TEST_BASE_URL,
	type ContextOptions,
	type WebhookCall,
} from '../../helpers/engine';
import { capture, envelope, errorEnvelope } from '../../helpers/nockRequests';
import { BASE, CONTRACT_ID, credentials, TURN_1 } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const WEBHOOK_ID = '5f0c';
const WEBHOOK_URL = `${WEBHOOK_BASE_URL}/${WEBHOOK_ID}/webhook`;
const TEST_URL = `${WEBHOOK_TEST_BASE_URL}/${WEBHOOK_ID}/webhook`;
const SUB_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const SUB_B = 'bbbbbbbb-0000-4000-8000-000000000002';
const SUB_C = 'cccccccc-0000-4000-8000-000000000003';

interface TriggerOptions extends Partial<Omit<ContextOptions, 'nodeType' | 'credentials'>> {
	/** The webhook call the node is handed. */
	request?: WebhookCall;
}

/** The trigger on n8n-core's contexts, as an active workflow (or a test listen) runs it. */
function trigger({ request, ...options }: TriggerOptions = {}) {
	const node = new DocJurisTrigger();
	const contexts = nodeContexts({
		nodeType: node,
		parameters: { events: ['turnCompleted', 'turnMention'], options: {} },
		credentials,
		webhookId: WEBHOOK_ID,
		...options,
	});
	const call = contexts.webhook(request);
	const hooks = node.webhookMethods.default;
	return {
		state: { staticData: contexts.staticData, response: call.response },
		checkExists: () => hooks.checkExists.call(contexts.hooks()),
		create: () => hooks.create.call(contexts.hooks()),
		delete: () => hooks.delete.call(contexts.hooks()),
		webhook: () => node.webhook.call(call.context),
	};
}

function registrationOf(staticData: IDataObject) {
	return (staticData.registrations as IDataObject).production as {
		webhookUrl: string;
		secret?: string;
		tokenDigests: string[];
		subscriptions: Record<string, string>;
	};
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('DocJuris Trigger lifecycle', () => {
	it('creates one subscription per event, pointing at the webhook URL with a secret', async () => {
		const created = capture(
			nock(BASE).post('/v1/subscriptions'),
			200,
			envelope({ id: SUB_A, type: 'turnCompleted' }),
		);
		const created2 = capture(
			nock(BASE).post('/v1/subscriptions'),
			200,
			envelope({ id: SUB_B, type: 'turnMention' }),
		);
		const { create, state } = trigger();
		expect(await create()).toBe(true);

		const bodies = [...created, ...created2].map((request) => request.json as IDataObject);
		expect(bodies.map((body) => body.type)).toEqual(['turnCompleted', 'turnMention']);
		const registration = registrationOf(state.staticData);
		const token = new URL(String(bodies[0].webhookUrl)).searchParams.get('token')!;
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		for (const body of bodies) expect(body.webhookUrl).toBe(`${WEBHOOK_URL}?token=${token}`);
		expect(registration.subscriptions).toEqual({ turnCompleted: SUB_A, turnMention: SUB_B });
		// Static data (which n8n 1.x copies into every stored execution) holds only the token's digest.
		expect(registration.tokenDigests).toEqual([sha256(token)]);
		expect(registration.secret).toBeUndefined();
		expect(JSON.stringify(state.staticData)).not.toContain(token);

		const { webhook, state: delivery } = trigger({
			staticData: state.staticData,
			request: { query: { token }, body: { messageId: 'M-1', type: 'turnCompleted' } },
		});
		expect((await webhook()).workflowData).toBeDefined();
		expect(delivery.response.statusCode).toBeUndefined();
	});

	it('reports the registration as existing only while every subscription is live at DocJuris', async () => {
		const staticData = {
			registrations: {
				production: {
					webhookUrl: WEBHOOK_URL,
					secret: 's',
					subscriptions: { turnCompleted: SUB_A, turnMention: SUB_B },
				},
			},
		};
		nock(BASE)
			.get('/v1/subscriptions')
			.reply(
				200,
				envelope([
					{ id: SUB_A.toUpperCase(), type: 'turnCompleted' },
					{ id: SUB_B, type: 'turnMention' },
				]),
			);
		expect(await trigger({ staticData }).checkExists()).toBe(true);

		nock(BASE)
			.get('/v1/subscriptions')
			.reply(200, envelope([{ id: SUB_A, type: 'turnCompleted' }]));
		expect(await trigger({ staticData }).checkExists()).toBe(false);
	});

	it('does not call DocJuris when the URL or the events changed', async () => {
		const staticData = {
			registrations: {
				production: {
					webhookUrl: 'https://old.example/webhook',
					secret: 's',
					subscriptions: { turnCompleted: SUB_A, turnMention: SUB_B },
				},
			},
		};
		expect(await trigger({ staticData }).checkExists()).toBe(false);
		const sameUrl = {
			registrations: {
				production: {
					webhookUrl: WEBHOOK_URL,
					secret: 's',
					subscriptions: { turnCompleted: SUB_A },
				},
			},
		};
		expect(await trigger({ staticData: sameUrl }).checkExists()).toBe(false);
	});

	it('heals a subscription deleted at DocJuris: re-creates only that one, still accepting the kept one’s token', async () => {
		const staticData = {
			registrations: {
				production: {
					webhookUrl: WEBHOOK_URL,
					secret: 'kept-secret',
					subscriptions: { turnCompleted: SUB_A, turnMention: SUB_B },
				},
			},
		};
		nock(BASE)
			.get('/v1/subscriptions')
			.reply(200, envelope([{ id: SUB_A, type: 'turnCompleted' }]));
		const created = capture(
			nock(BASE).post('/v1/subscriptions'),
			200,
			envelope({ id: SUB_C, type: 'turnMention' }),
		);
		const { create, state } = trigger({ staticData });
		await create();
		expect(created).toHaveLength(1);
		const newToken = new URL(String((created[0].json as IDataObject).webhookUrl)).searchParams.get(
			'token',
		)!;
		expect(newToken).toMatch(/^[0-9a-f]{64}$/);
		const registration = registrationOf(state.staticData);
		expect(registration.subscriptions).toEqual({ turnCompleted: SUB_A, turnMention: SUB_C });
		// The secret of a registration from before digests is replaced by its digest.
		expect(registration.secret).toBeUndefined();
		expect(registration.tokenDigests.sort()).toEqual(
			[sha256('kept-secret'), sha256(newToken)].sort(),
		);
	});

	it('replaces subscriptions made for another URL instead of adding duplicates', async () => {
		const staticData = {
			registrations: {
				production: {
					webhookUrl: 'https://old.example/webhook',
					secret: 'old',
					subscriptions: { turnCompleted: SUB_A },
				},
			},
		};
		nock(BASE)
			.get('/v1/subscriptions')
			.reply(200, envelope([{ id: SUB_A, type: 'turnCompleted' }]));
		const removed = capture(nock(BASE).delete(`/v1/subscriptions/${SUB_A}`), 200, envelope(null));
		nock(BASE)
			.post('/v1/subscriptions')
			.reply(200, envelope({ id: SUB_B }));
		nock(BASE)
			.post('/v1/subscriptions')
			.reply(200, envelope({ id: SUB_C }));
		const { create, state } = trigger({ staticData });
		await create();
		expect(removed).toHaveLength(1);
		const registration = registrationOf(state.staticData);
		expect(registration.secret).not.toBe('old');
		expect(registration.subscriptions).toEqual({ turnCompleted: SUB_B, turnMention: SUB_C });
	});

	it('takes back what it created when activation fails half-way', async () => {
		nock(BASE)
			.post('/v1/subscriptions')
			.reply(200, envelope({ id: SUB_A }));
		nock(BASE)
			.post('/v1/subscriptions')
			.reply(403, errorEnvelope(403, 'Subscriptions not enabled'));
		const rollback = capture(nock(BASE).delete(`/v1/subscriptions/${SUB_A}`), 200, envelope(null));
		const { create, state } = trigger();
		await expect(create()).rejects.toThrow(
			'DocJuris refused access (HTTP 403): Subscriptions not enabled (Error)',
		);
		expect(rollback).toHaveLength(1);
		expect((state.staticData.registrations as IDataObject).production).toBeUndefined();
	});

	it('deletes every subscription on deactivation, treating already-deleted ones as done', async () => {
		const staticData = {
			registrations: {
				production: {
					webhookUrl: WEBHOOK_URL,
					secret: 's',
					subscriptions: { turnCompleted: SUB_A, turnMention: SUB_B },
				},
			},
		};
		const first = capture(nock(BASE).delete(`/v1/subscriptions/${SUB_A}`), 200, envelope(null));
		const second = capture(
			nock(BASE).delete(`/v1/subscriptions/${SUB_B}`),
			404,
			errorEnvelope(404, 'Not found'),
		);
		const { delete: remove, state } = trigger({ staticData });
		expect(await remove()).toBe(true);
		expect(first).toHaveLength(1);
		expect(second).toHaveLength(1);
		expect((state.staticData.registrations as IDataObject).production).toBeUndefined();
	});

	it('keeps test-mode registrations apart from production ones', async () => {
		const staticData = {
			registrations: {
				production: {
					webhookUrl: WEBHOOK_URL,
					secret: 'prod',
					subscriptions: { turnCompleted: SUB_A, turnMention: SUB_B },
				},
			},
		};
		nock(BASE)
			.post('/v1/subscriptions')
			.reply(200, envelope({ id: SUB_C }));
		nock(BASE)
			.post('/v1/subscriptions')
			.reply(200, envelope({ id: 'dddddddd-0000-4000-8000-000000000004' }));
		const { create, state } = trigger({ staticData, mode: 'manual', testWebhook: true });
		await create();
		const all = state.staticData.registrations as IDataObject;
		expect((all.production as IDataObject).secret).toBe('prod');
		expect((all.test as IDataObject).webhookUrl).toBe(TEST_URL);
	});

	it('removes a test listen’s subscriptions when n8n ends the listen (in mode internal), leaving production alone', async () => {
		const TEST_SUB = 'dddddddd-0000-4000-8000-000000000004';
		const staticData = {
			registrations: {
				production: {
					webhookUrl: WEBHOOK_URL,
					tokenDigests: ['ab'],
					subscriptions: { turnCompleted: SUB_A, turnMention: SUB_B },
				},
				test: {
					webhookUrl: TEST_URL,
					tokenDigests: ['cd'],
					subscriptions: { turnCompleted: SUB_C, turnMention: TEST_SUB },
				},
			},
		};
		const removed = [
			capture(nock(BASE).delete(`/v1/subscriptions/${SUB_C}`), 200, envelope(null)),
			capture(nock(BASE).delete(`/v1/subscriptions/${TEST_SUB}`), 200, envelope(null)),
		];
		const { delete: remove, state } = trigger({ staticData, mode: 'internal', testWebhook: true });
		expect(await remove()).toBe(true);
		expect(removed.map((calls) => calls.length)).toEqual([1, 1]);
		const all = state.staticData.registrations as IDataObject;
		expect(all.test).toBeUndefined();
		expect((all.production as IDataObject).subscriptions).toEqual({
			turnCompleted: SUB_A,
			turnMention: SUB_B,
		});
	});

	it('takes back a test listen’s leftover subscriptions at the next activation', async () => {
		const TEST_SUB = 'dddddddd-0000-4000-8000-000000000004';
		const staticData = {
			registrations: {
				test: {
					webhookUrl: TEST_URL,
					tokenDigests: ['cd'],
					subscriptions: { turnCompleted: TEST_SUB },
				},
			},
		};
		const leftover = capture(
			nock(BASE).delete(`/v1/subscriptions/${TEST_SUB}`),
			200,
			envelope(null),
		);
		nock(BASE)
			.post('/v1/subscriptions')
			.reply(200, envelope({ id: SUB_A }));
		nock(BASE)
			.post('/v1/subscriptions')
			.reply(200, envelope({ id: SUB_B }));
		const { create, state } = trigger({ staticData });
		await create();
		expect(leftover).toHaveLength(1);
		expect((state.staticData.registrations as IDataObject).test).toBeUndefined();
	});
});

describe('DocJuris Trigger webhook', () => {
	const staticData = () => ({
		registrations: {
			production: {
				webhookUrl: WEBHOOK_URL,
				secret: 'right-secret',
				subscriptions: { turnCompleted: SUB_A, turnMention: SUB_B },
			},
		},
	});
	const event = {
		messageId: 'C5672EE4-2FC3-49A3-9D07-08F8E27B7696',
		type: 'TurnCompleted',
		contractId: CONTRACT_ID,
		turnId: TURN_1,
		sentOn: '2026-02-05T19:28:14Z',
	};

	it.each([
		['no token', {}],
		['a wrong token', { token: 'wrong-secret' }],
		['an empty token', { token: '' }],
	])('rejects a call with %s: 401 and no execution', async (_label, query) => {
		const { webhook, state } = trigger({
			staticData: staticData(),
			request: { query, body: event },
		});
		const result = await webhook();
		expect(result).toEqual({ noWebhookResponse: true });
		expect(state.response.statusCode).toBe(401);
	});

	it('starts one execution for a valid event, with the type compared without case', async () => {
		const { webhook } = trigger({
			staticData: staticData(),
			request: { query: { token: 'right-secret' }, body: event },
		});
		const result = await webhook();
		expect(result.workflowData).toEqual([[{ json: { ...event, event: 'turnCompleted' } }]]);
	});

	it('answers 400 to a body that is not a DocJuris event', async () => {
		const { webhook, state } = trigger({
			staticData: staticData(),
			request: { query: { token: 'right-secret' }, body: { hello: 'world' } },
		});
		expect(await webhook()).toEqual({ noWebhookResponse: true });
		expect(state.response.statusCode).toBe(400);
	});

	it('acknowledges but ignores an event type the node does not listen to', async () => {
		const { webhook, state } = trigger({
			staticData: staticData(),
			request: { query: { token: 'right-secret' }, body: { ...event, type: 'turnTagged' } },
		});
		expect(await webhook()).toEqual({ noWebhookResponse: true });
		expect(state.response.statusCode).toBe(200);
	});

	it('drops a repeated messageId', async () => {
		const data = staticData();
		const first = await trigger({
			staticData: data,
			request: { query: { token: 'right-secret' }, body: event },
		}).webhook();
		expect(first.workflowData).toHaveLength(1);
		const again = trigger({
			staticData: data,
			request: {
				query: { token: 'right-secret' },
				body: { ...event, messageId: event.messageId.toLowerCase() },
			},
		});
		expect(await again.webhook()).toEqual({ noWebhookResponse: true });
		expect(again.state.response.body).toEqual({ received: true, ignored: 'repeated message' });
	});

	it('drops a repeat delivered to the same n8n process even when static data was not saved (n8n 2.x)', async () => {
		const body = { ...event, messageId: 'D2D2D2D2-0000-4000-8000-00000000AAAA' };
		const first = await trigger({
			staticData: staticData(),
			workflowId: 'wf-memory',
			request: { query: { token: 'right-secret' }, body },
		}).webhook();
		expect(first.workflowData).toHaveLength(1);
		const again = await trigger({
			staticData: staticData(),
			workflowId: 'wf-memory',
			request: { query: { token: 'right-secret' }, body },
		}).webhook();
		expect(again).toEqual({ noWebhookResponse: true });
		const otherWorkflow = await trigger({
			staticData: staticData(),
			workflowId: 'wf-other',
			request: { query: { token: 'right-secret' }, body },
		}).webhook();
		expect(otherWorkflow.workflowData).toHaveLength(1);
	});

	it('adds the turn details, built from the IDs, when asked', async () => {
		const turn = { id: TURN_1, tags: [{ name: 'Execution Copy' }], importedFileName: 'v3.docx' };
		nock(BASE).get(`/v1/contracts/${CONTRACT_ID}/turns/${TURN_1}`).reply(200, envelope(turn));
		const { webhook } = trigger({
			staticData: staticData(),
			parameters: { events: ['turnCompleted'], options: { fetchTurnDetails: true } },
			request: { query: { token: 'right-secret' }, body: event },
		});
		const result = await webhook();
		expect(result.workflowData![0][0].json).toEqual({ ...event, event: 'turnCompleted', turn });
	});

	it('still delivers the event when the turn lookup fails', async () => {
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/turns/${TURN_1}`)
			.reply(404, errorEnvelope(404, 'Turn not found'));
		const { webhook } = trigger({
			staticData: staticData(),
			parameters: { events: ['turnCompleted'], options: { fetchTurnDetails: true } },
			request: { query: { token: 'right-secret' }, body: event },
		});
		const json = (await webhook()).workflowData![0][0].json;
		expect(json.turnError).toContain('Turn not found');
		expect(json.messageId).toBe(event.messageId);
	});
});
