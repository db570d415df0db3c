import nock from 'nock';

import { capture, envelope, errorEnvelope } from '../../helpers/nockRequests';
import { BASE, locator, runDocJuris } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const SUBSCRIPTION = 'c5672ee4-2fc3-49a3-9d07-08f8e27b7696';

describe('DocJuris subscription', () => {
	it('creates a subscription on the documented route with a JSON body', async () => {
		const seen = capture(
			nock(BASE).post('/v1/subscriptions'),
			200,
			envelope({ id: SUBSCRIPTION, type: 'turnTagged', created: '2026-01-01T00:00:00Z' }),
		);
		const { output } = await runDocJuris({
			resource: 'subscription',
			operation: 'create',
			type: 'turnTagged',
			webhookUrl: 'https://hooks.example/dj?key=s3',
		});
		expect(seen[0].json).toEqual({
			webhookUrl: 'https://hooks.example/dj?key=s3',
			type: 'turnTagged',
		});
		expect(seen[0].headers['content-type']).toContain('application/json');
		expect(output[0].json).toEqual({
			id: SUBSCRIPTION,
			type: 'turnTagged',
			created: '2026-01-01T00:00:00Z',
		});
	});

	it('falls back to the typed route when the documented one refuses the event type', async () => {
		nock(BASE).post('/v1/subscriptions').reply(400, errorEnvelope(400, 'Unknown type'));
		const typed = capture(
			nock(BASE).post('/v1/subscriptions/screeningReportUpdated'),
			201,
			envelope({ id: SUBSCRIPTION, created: 'now' }, 201),
		);
		const { output } = await runDocJuris({
			resource: 'subscription',
			operation: 'create',
			type: 'screeningReportUpdated',
			webhookUrl: 'https://hooks.example/x',
		});
		expect(typed[0].json).toEqual({ webhookUrl: 'https://hooks.example/x' });
		expect(output[0].json).toEqual({
			id: SUBSCRIPTION,
			type: 'screeningReportUpdated',
			created: 'now',
		});
	});

	it('rejects a webhook URL that is not http(s)', async () => {
		await expect(
			runDocJuris({
				resource: 'subscription',
				operation: 'create',
				type: 'turnTagged',
				webhookUrl: 'ftp://x',
			}),
		).rejects.toThrow('Webhook URL "ftp://x" is not an http(s) URL [item 0]');
	});

	it('lists, limits and deletes subscriptions', async () => {
		const list = [
			{ id: SUBSCRIPTION, type: 'turnTagged', created: 'a' },
			{ id: 'ddc61eef-4f76-405e-b305-3bef21b55ffa', type: 'turnMention', created: 'b' },
		];
		nock(BASE).get('/v1/subscriptions').reply(200, envelope(list));
		const { output } = await runDocJuris({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});
		expect(output.map((item) => item.json)).toEqual([list[0]]);

		const deleted = capture(
			nock(BASE).delete(`/v1/subscriptions/${SUBSCRIPTION}`),
			200,
			envelope(null),
		);
		const result = await runDocJuris({
			resource: 'subscription',
			operation: 'delete',
			subscriptionId: locator(SUBSCRIPTION, 'list'),
		});
		expect(deleted).toHaveLength(1);
		expect(result.output[0].json).toEqual({ id: SUBSCRIPTION, deleted: true });
	});

	it("pages through sent messages with the guide's take=100 until a short page", async () => {
		const messages = Array.from({ length: 230 }, (_, index) => ({
			messageId: `m-${index}`,
			type: 'turnCreated',
		}));
		const queries: string[] = [];
		nock(BASE)
			.get(`/v1/subscriptions/${SUBSCRIPTION}/messages`)
			.query(true)
			.times(3)
			.reply(function (uri) {
				const params = new URL(uri, BASE).searchParams;
				queries.push(params.toString());
				const skip = Number(params.get('skip'));
				return [200, envelope(messages.slice(skip, skip + Number(params.get('take'))))];
			});
		const { output } = await runDocJuris({
			resource: 'subscription',
			operation: 'getMessages',
			subscriptionId: locator(SUBSCRIPTION),
			returnAll: true,
		});
		expect(output).toHaveLength(230);
		expect(output[0].json).toEqual({
			subscriptionId: SUBSCRIPTION,
			messageId: 'm-0',
			type: 'turnCreated',
		});
		expect(queries).toEqual(['skip=0&take=100', 'skip=100&take=100', 'skip=200&take=100']);
	});

	it('gets all 205 messages from an API that serves at most 100 a page', async () => {
		const messages = Array.from({ length: 205 }, (_, index) => ({
			messageId: `m-${index}`,
			type: 'turnCreated',
		}));
		nock(BASE)
			.get(`/v1/subscriptions/${SUBSCRIPTION}/messages`)
			.query(true)
			.times(3)
			.reply(function (uri) {
				const params = new URL(uri, BASE).searchParams;
				const skip = Number(params.get('skip'));
				return [
					200,
					envelope(messages.slice(skip, skip + Math.min(100, Number(params.get('take'))))),
				];
			});
		const { output } = await runDocJuris({
			resource: 'subscription',
			operation: 'getMessages',
			subscriptionId: locator(SUBSCRIPTION),
			returnAll: true,
		});
		expect(output).toHaveLength(205);
	});

	it('gets sample messages of an event type', async () => {
		nock(BASE)
			.get('/v1/subscriptions/testmessages')
			.query({ type: 'turnMention' })
			.reply(200, envelope([{ messageId: 'x', type: 'turnMention' }]));
		const { output } = await runDocJuris({
			resource: 'subscription',
			operation: 'getTestMessages',
			type: 'turnMention',
		});
		expect(output.map((item) => item.json)).toEqual([{ messageId: 'x', type: 'turnMention' }]);
	});
});
