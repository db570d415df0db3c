/**
 * DocJuris end to end: the packed n8n-nodes-docjuris installed into real n8n 1.x and 2.x, run
 * against the local DocJuris simulator. Set E2E_N8N_LINES=1 or =2 to run one line only.
 */
import { createHash } from 'node:crypto';

import { DocJurisSimulator } from '../kit/simulators/docjuris';
import { builtTarball, N8nInstance, N8N_VERSIONS, waitFor, type N8nLine } from '../kit/n8n';
import {
	docJurisCredentialFile,
	docJurisOperationsWorkflow,
	docJurisTriggerWorkflow,
	TRIGGER_WEBHOOK_ID,
} from '../kit/workflows/docjuris';

const lines = (process.env.E2E_N8N_LINES ?? '1,2')
	.split(',')
	.map((line) => line.trim()) as N8nLine[];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const API_KEY = 'e2e-docjuris-key-5b7f2c9d';
const ACCOUNT_ID = 'e2e-account-77';
const ALL_EVENTS = [
	'turnCompleted',
	'turnTagged',
	'turnCreated',
	'turnMention',
	'screeningReportUpdated',
];

/** The bytes the simulator serves as /_sim/files/<name>?size=N. */
function fixtureSha(size: number): string {
	const content = Buffer.alloc(size);
	for (let index = 0; index < size; index++) content[index] = (index * 31 + 7) & 0xff;
	content.write('PK\u0003\u0004', 0, 'binary');
	return createHash('sha256').update(content).digest('hex');
}

describe.each(lines)('DocJuris in n8n %s.x', (line) => {
	const simulator = new DocJurisSimulator({
		accountId: ACCOUNT_ID,
		apiKey: API_KEY,
		contractTypeCount: 250,
	});
	let n8n: N8nInstance;

	beforeAll(async () => {
		await simulator.start();
		n8n = new N8nInstance({ line, env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
		await n8n.installPackages([builtTarball('n8n-nodes-docjuris')]);
		await n8n.importCredentials(docJurisCredentialFile(simulator.apiBaseUrl, ACCOUNT_ID, API_KEY));
		await n8n.importWorkflows([
			docJurisOperationsWorkflow(simulator.url),
			docJurisTriggerWorkflow(`${simulator.url}/_sim/sink`),
		]);
	});

	afterAll(async () => {
		await n8n?.cleanup();
		await simulator.stop();
	});

	it(`runs n8n ${N8N_VERSIONS[line]}: creates a contract from a file, adds a turn, downloads it, lists contract types`, async () => {
		const result = await n8n.execute('djOperations0001');

		const [contract] = result.json('Create Contract');
		expect(contract.id).toMatch(GUID);
		expect(contract).toMatchObject({
			name: 'Acme NDA',
			type: { id: 1, name: 'NDA' },
			counterParty: { name: 'Company A' },
		});
		const stored = simulator.contracts.get(String(contract.id))!;
		expect(stored.owningUserEmail).toBe('counsel@firm.example');
		expect(stored.extendedData).toEqual({
			namedValues: [{ name: 'matterId', value: 'M-2026-001', type: 'text' }],
		});
		const firstTurn = simulator.turns.get(stored.turnIds[0])!;
		expect(firstTurn.file).toMatchObject({
			fileName: 'Acme NDA.docx',
			size: 300_000,
			sha256: fixtureSha(300_000),
		});

		const [turn] = result.json('Add Turn');
		expect(turn).toMatchObject({ contractId: contract.id, source: '' });
		expect(stored.turnIds).toEqual([firstTurn.id, turn.id]);
		const secondTurn = simulator.turns.get(String(turn.id))!;
		expect(secondTurn.file).toMatchObject({
			fileName: 'Acme NDA v2.docx',
			size: 300_001,
			sha256: fixtureSha(300_001),
		});
		expect(secondTurn.tags.map((tag) => tag.id)).toEqual(['1ccc94a7-e71b-4e03-9bb9-995a6a63f568']);

		const [downloaded] = result.items('Download Turn Document');
		expect(downloaded.json).toMatchObject({
			contractId: contract.id,
			turnId: turn.id,
			docState: 'imported',
			fileName: 'Acme NDA v2.docx',
		});
		expect(downloaded.binary!.data).toMatchObject({
			fileName: 'Acme NDA v2.docx',
			mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		});

		// The downloaded document, uploaded again, reaches DocJuris byte for byte.
		const [staged] = result.json('Stage Downloaded Copy');
		expect(simulator.imports.get(String(staged.id))!.file.sha256).toBe(fixtureSha(300_001));

		const [fetched] = result.json('Get Contract');
		expect(fetched.latestTurnId).toBe(turn.id);

		const types = result.json('List Contract Types');
		expect(types).toHaveLength(250);
		const typeRequests = simulator.requestLog.filter(
			(request) => request.path === '/v1/contractTypes',
		);
		expect(typeRequests.map((request) => request.query)).toEqual([
			{ skip: '0', take: '200' },
			{ skip: '200', take: '200' },
		]);

		const raw = JSON.stringify(result.raw);
		expect(raw).not.toContain(API_KEY);
		expect(raw).not.toContain('secret-doc-pass');
	});

	it('tests the credential, subscribes on activation, delivers each event once, rejects unauthenticated calls, heals and unsubscribes', async () => {
		const contract = simulator.seedContract('Trigger NDA');
		const turn = simulator.turns.get(contract.turnIds[0])!;
		await n8n.start();
		try {
			// n8n's own credential test: a right key passes, a wrong one fails with our explanation.
			const [stored] = docJurisCredentialFile(simulator.apiBaseUrl, ACCOUNT_ID, API_KEY);
			const good = await n8n.rest<{ status: string }>('POST', '/credentials/test', {
				credentials: stored,
			});
			expect(good.status).toBe('OK');
			const wrong = { ...stored, data: { ...stored.data, apiKey: 'not-the-key' } };
			const bad = await n8n.rest<{ status: string; message: string }>('POST', '/credentials/test', {
				credentials: wrong,
			});
			// n8n 1.x's tester drops the HTTP response, so it shows its own text instead of our rule's.
			const explanation =
				line === '1'
					? 'Authorization failed - please check your credentials'
					: 'did not accept this Organization ID and API key';
			expect(bad).toEqual({ status: 'Error', message: expect.stringContaining(explanation) });

			await n8n.activate('djTrigger0000001');
			// n8n 2.x registers webhooks after the activation call returns.
			await waitFor('five subscriptions', () =>
				simulator.subscriptions.size === 5 ? true : undefined,
			);
			const subscriptions = [...simulator.subscriptions.values()];
			expect(subscriptions.map((subscription) => subscription.type).sort()).toEqual(
				[...ALL_EVENTS].sort(),
			);
			const webhookBase = `${n8n.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
			for (const subscription of subscriptions)
				expect(subscription.webhookUrl).toMatch(
					new RegExp(`^${webhookBase}\\?token=[0-9a-f]{64}$`),
				);

			for (const type of ALL_EVENTS) {
				const [delivery] = await simulator.notify(type, turn);
				expect(delivery.status).toBe(200);
			}
			const events = await waitFor('five forwarded events', () =>
				simulator.sink.length >= 5 ? simulator.sink : undefined,
			);
			const received = events as Array<Record<string, unknown>>;
			expect(received.map((event) => event.event).sort()).toEqual([...ALL_EVENTS].sort());
			for (const event of received) {
				expect(event.turnId).toBe(turn.id);
				expect((event.turn as Record<string, unknown>).id).toBe(turn.id);
			}
			expect(received.find((event) => event.event === 'turnCompleted')!.type).toBe('TurnCompleted');

			// The subscriptions' token is in no stored execution (n8n 1.x stores static data with each).
			let execution = await n8n.newestExecution('djTrigger0000001');
			for (let attempt = 0; !execution && attempt < 60; attempt++) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				execution = await n8n.newestExecution('djTrigger0000001');
			}
			expect(execution).toBeDefined();
			const storedText = JSON.stringify(await n8n.rest('GET', `/executions/${execution!.id}`));
			for (const subscription of subscriptions)
				expect(storedText).not.toContain(
					new URL(subscription.webhookUrl).searchParams.get('token')!,
				);
			expect(received.find((event) => event.event === 'turnMention')!.mention).toBeDefined();

			// Unauthenticated or forged calls, and a replayed message, start nothing.
			const forged = {
				messageId: 'FORGED-1',
				type: 'turnCompleted',
				contractId: contract.id,
				turnId: turn.id,
			};
			expect((await simulator.deliver({ id: 'x', webhookUrl: webhookBase }, forged)).status).toBe(
				401,
			);
			expect(
				(
					await simulator.deliver(
						{ id: 'x', webhookUrl: `${webhookBase}?token=${'0'.repeat(64)}` },
						forged,
					)
				).status,
			).toBe(401);
			const completed = simulator.deliveries.find(
				(delivery) => delivery.message.type === 'TurnCompleted',
			)!;
			expect(
				(
					await simulator.deliver(
						{ id: completed.subscriptionId, webhookUrl: completed.url },
						completed.message,
					)
				).status,
			).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 3000));
			expect(simulator.sink).toHaveLength(5);

			// A subscription deleted at DocJuris is re-created, and none is doubled. n8n 1.x re-checks
			// registrations when it starts; n8n 2.x only on (re-)activation, so each line is tested where
			// its n8n calls the trigger's checkExists.
			const lost = subscriptions.find((subscription) => subscription.type === 'turnTagged')!;
			simulator.subscriptions.delete(lost.id);
			await n8n.stop();
			await n8n.start();
			if (line === '1') {
				await waitFor('the healed subscription', () =>
					simulator.subscriptions.size === 5 ? true : undefined,
				);
			} else {
				await new Promise((resolve) => setTimeout(resolve, 3000));
				expect(simulator.subscriptions.size).toBe(4);
				await n8n.deactivate('djTrigger0000001');
				await waitFor('the remaining subscriptions removed', () =>
					simulator.subscriptions.size === 0 ? true : undefined,
				);
				await n8n.activate('djTrigger0000001');
				await waitFor('five subscriptions again', () =>
					simulator.subscriptions.size === 5 ? true : undefined,
				);
			}
			const healed = [...simulator.subscriptions.values()];
			expect(healed.map((subscription) => subscription.type).sort()).toEqual(
				[...ALL_EVENTS].sort(),
			);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(simulator.subscriptions.size).toBe(5);

			await n8n.deactivate('djTrigger0000001');
			await waitFor('every subscription removed', () =>
				simulator.subscriptions.size === 0 ? true : undefined,
			);
			expect(n8n.log).not.toContain(API_KEY);
		} finally {
			await n8n.stop();
		}
	});
});
