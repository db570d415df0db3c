import nock from 'nock';

import { binaryItem } from '../../helpers/engine';
import { capture, envelope, errorEnvelope } from '../../helpers/nockRequests';
import { BASE, locator, runDocJuris } from './harness';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => undefined) }));


const contractTypes = Array.from({ length: 450 }, (_, index) => ({ id: index + 1, name: `Type ${index + 1}`, description: '' }));

/** Serves a skip/take list with its totalCount; an account's API may serve fewer than `take` (`cap`). */
function servePages(path: string, key: string, records: unknown[], cap = Infinity) {
	const queries: Array<Record<string, string>> = [];
	nock(BASE)
		.persist()
		.get(path)
		.query(true)
		.reply(function (uri) {
			const query = Object.fromEntries(new URL(uri, BASE).searchParams);
			queries.push(query);
			const skip = Number(query.skip ?? 0);
			const take = Math.min(cap, Number(query.take ?? 200));
			return [200, envelope({ skip, take, totalCount: records.length, [key]: records.slice(skip, skip + take) })];
		});
	return queries;
}

describe('DocJuris catalogue lists', () => {
	it('returns all contract types in pages of 200 and stops at the total', async () => {
		const queries = servePages('/v1/contractTypes', 'contractTypes', contractTypes);
		const { output } = await runDocJuris({ resource: 'contractType', operation: 'getAll', returnAll: true, filters: { filter: 'Type', sortBy: 'id' } });
		expect(output).toHaveLength(450);
		expect(output[449].json).toEqual({ id: 450, name: 'Type 450', description: '' });
		expect(queries).toEqual([
			{ filter: 'Type', sortBy: 'id', skip: '0', take: '200' },
			{ filter: 'Type', sortBy: 'id', skip: '200', take: '200' },
			{ filter: 'Type', sortBy: 'id', skip: '400', take: '200' },
		]);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('keeps paging while the total says more remain, when the API serves fewer than asked', async () => {
		// An account whose API caps `take` at 100: every page is "short", the total says 437.
		const queries = servePages('/v1/contractTypes', 'contractTypes', contractTypes.slice(0, 437), 100);
		const { output } = await runDocJuris({ resource: 'contractType', operation: 'getAll', returnAll: true });
		expect(output).toHaveLength(437);
		expect(output.map((item) => item.json.id)).toEqual(contractTypes.slice(0, 437).map((type) => type.id));
		expect(queries.map((query) => query.skip)).toEqual(['0', '100', '200', '300', '400']);
	});

	it('asks for only as many as the limit needs', async () => {
		const queries = servePages('/v1/contractTypes', 'contractTypes', contractTypes);
		const { output } = await runDocJuris({ resource: 'contractType', operation: 'getAll', returnAll: false, limit: 5 });
		expect(output).toHaveLength(5);
		expect(queries).toEqual([{ skip: '0', take: '5' }]);
	});

	it('does not request a page it knows is empty (exact multiple of the page size)', async () => {
		const queries = servePages('/v1/contractTypes', 'contractTypes', contractTypes.slice(0, 400));
		const { output } = await runDocJuris({ resource: 'contractType', operation: 'getAll', returnAll: true });
		expect(output).toHaveLength(400);
		expect(queries).toHaveLength(2);
	});

	it('lists playbooks and offers `name` where the vendor sends `title`', async () => {
		nock(BASE)
			.get('/v1/playbooks')
			.query({ skip: 0, take: 50 })
			.reply(200, envelope({ totalCount: 2, playbooks: [{ id: 1, name: 'NDA playbook' }, { id: 2, title: 'MSA playbook' }] }));
		const { output } = await runDocJuris({ resource: 'playbook', operation: 'getAll' });
		expect(output.map((item) => item.json)).toEqual([
			{ id: 1, name: 'NDA playbook' },
			{ id: 2, title: 'MSA playbook', name: 'MSA playbook' },
		]);
	});
});

describe('DocJuris import', () => {
	it('stages a file with its extended data', async () => {
		const seen = capture(nock(BASE).post('/v1/imports'), 200, envelope({ id: 'f00dbabe-0000-4000-8000-000000000001', urls: { app: 'https://app.docjuris.com/imports/x' } }));
		const { output } = await runDocJuris(
			{ resource: 'import', operation: 'create', binaryPropertyName: 'attachment', extendedData: { namedValues: [{ name: 'matter', value: 'M-1' }] } },
			{ items: [binaryItem('email attachment', 'draft.pdf', 'application/pdf', {}, 'attachment')] },
		);
		expect(seen[0].multipart!.fields).toEqual({ extendedData: ['{"namedValues":[{"name":"matter","value":"M-1","type":"text"}]}'] });
		expect(seen[0].multipart!.files[0]).toMatchObject({ field: 'file', fileName: 'draft.pdf', mimeType: 'application/pdf' });
		expect(output[0].json.id).toBe('f00dbabe-0000-4000-8000-000000000001');
		expect(seen[0].headers.documentpassword).toBeUndefined();
	});

	it('opens a protected file with its Document Password, sent as the documentPassword header', async () => {
		const seen = capture(nock(BASE).post('/v1/imports'), 200, envelope({ id: 'f00dbabe-0000-4000-8000-000000000002' }));
		await runDocJuris(
			{ resource: 'import', operation: 'create', binaryPropertyName: 'data', extendedData: {}, options: { documentPassword: 'open-sesame' } },
			{ items: [binaryItem('locked', 'locked.docx')] },
		);
		expect(seen[0].headers.documentpassword).toBe(Buffer.from('open-sesame').toString('base64'));
	});
});

const SUBSCRIPTION = 'c5672ee4-2fc3-49a3-9d07-08f8e27b7696';

describe('DocJuris subscription', () => {
	it('creates a subscription on the documented route with a JSON body', async () => {
		const seen = capture(nock(BASE).post('/v1/subscriptions'), 200, envelope({ id: SUBSCRIPTION, type: 'turnTagged', created: '2026-01-01T00:00:00Z' }));
		const { output } = await runDocJuris({ resource: 'subscription', operation: 'create', type: 'turnTagged', webhookUrl: 'https://hooks.example/dj?key=s3' });
		expect(seen[0].json).toEqual({ webhookUrl: 'https://hooks.example/dj?key=s3', type: 'turnTagged' });
		expect(seen[0].headers['content-type']).toContain('application/json');
		expect(output[0].json).toEqual({ id: SUBSCRIPTION, type: 'turnTagged', created: '2026-01-01T00:00:00Z' });
	});

	it('falls back to the typed route when the documented one refuses the event type', async () => {
		nock(BASE).post('/v1/subscriptions').reply(400, errorEnvelope(400, 'Unknown type'));
		const typed = capture(nock(BASE).post('/v1/subscriptions/screeningReportUpdated'), 201, envelope({ id: SUBSCRIPTION, created: 'now' }, 201));
		const { output } = await runDocJuris({ resource: 'subscription', operation: 'create', type: 'screeningReportUpdated', webhookUrl: 'https://hooks.example/x' });
		expect(typed[0].json).toEqual({ webhookUrl: 'https://hooks.example/x' });
		expect(output[0].json).toEqual({ id: SUBSCRIPTION, type: 'screeningReportUpdated', created: 'now' });
	});

	it('rejects a webhook URL that is not http(s)', async () => {
		await expect(runDocJuris({ resource: 'subscription', operation: 'create', type: 'turnTagged', webhookUrl: 'ftp://x' })).rejects.toThrow(
			'Webhook URL "ftp://x" is not an http(s) URL [item 0]',
		);
	});

	it('lists, limits and deletes subscriptions', async () => {
		const list = [
			{ id: SUBSCRIPTION, type: 'turnTagged', created: 'a' },
			{ id: 'ddc61eef-4f76-405e-b305-3bef21b55ffa', type: 'turnMention', created: 'b' },
		];
		nock(BASE).get('/v1/subscriptions').reply(200, envelope(list));
		const { output } = await runDocJuris({ resource: 'subscription', operation: 'getAll', returnAll: false, limit: 1 });
		expect(output.map((item) => item.json)).toEqual([list[0]]);

		const deleted = capture(nock(BASE).delete(`/v1/subscriptions/${SUBSCRIPTION}`), 200, envelope(null));
		const result = await runDocJuris({ resource: 'subscription', operation: 'delete', subscriptionId: locator(SUBSCRIPTION, 'list') });
		expect(deleted).toHaveLength(1);
		expect(result.output[0].json).toEqual({ id: SUBSCRIPTION, deleted: true });
	});

	it("pages through sent messages with the guide's take=100 until a short page", async () => {
		const messages = Array.from({ length: 230 }, (_, index) => ({ messageId: `m-${index}`, type: 'turnCreated' }));
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
		const { output } = await runDocJuris({ resource: 'subscription', operation: 'getMessages', subscriptionId: locator(SUBSCRIPTION), returnAll: true });
		expect(output).toHaveLength(230);
		expect(output[0].json).toEqual({ subscriptionId: SUBSCRIPTION, messageId: 'm-0', type: 'turnCreated' });
		expect(queries).toEqual(['skip=0&take=100', 'skip=100&take=100', 'skip=200&take=100']);
	});

	it('gets all 205 messages from an API that serves at most 100 a page', async () => {
		const messages = Array.from({ length: 205 }, (_, index) => ({ messageId: `m-${index}`, type: 'turnCreated' }));
		nock(BASE)
			.get(`/v1/subscriptions/${SUBSCRIPTION}/messages`)
			.query(true)
			.times(3)
			.reply(function (uri) {
				const params = new URL(uri, BASE).searchParams;
				const skip = Number(params.get('skip'));
				return [200, envelope(messages.slice(skip, skip + Math.min(100, Number(params.get('take')))))];
			});
		const { output } = await runDocJuris({ resource: 'subscription', operation: 'getMessages', subscriptionId: locator(SUBSCRIPTION), returnAll: true });
		expect(output).toHaveLength(205);
	});

	it('gets sample messages of an event type', async () => {
		nock(BASE)
			.get('/v1/subscriptions/testmessages')
			.query({ type: 'turnMention' })
			.reply(200, envelope([{ messageId: 'x', type: 'turnMention' }]));
		const { output } = await runDocJuris({ resource: 'subscription', operation: 'getTestMessages', type: 'turnMention' });
		expect(output.map((item) => item.json)).toEqual([{ messageId: 'x', type: 'turnMention' }]);
	});
});
