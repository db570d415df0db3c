/**
 * Docketwise end to end: the packed n8n-nodes-docketwise in real n8n 1.x and 2.x against the local
 * Docketwise simulator, with an OAuth2 credential imported with its token data.
 */
import { createHash } from 'node:crypto';

import { DocketwiseSimulator } from '../kit/simulators/docketwise';
import { builtTarball, N8nInstance, N8N_VERSIONS, waitFor, type N8nLine } from '../kit/n8n';
import {
	docketwiseCredentialFile,
	docketwiseOperationsWorkflow,
	docketwiseTriggerWorkflow,
} from '../kit/workflows/docketwise';

const lines = (process.env.E2E_N8N_LINES ?? '1,2')
	.split(',')
	.map((line) => line.trim()) as N8nLine[];

function fixtureSha(size: number): string {
	const content = Buffer.alloc(size);
	for (let index = 0; index < size; index++) content[index] = (index * 31 + 7) & 0xff;
	content.write('%PDF-1.7\n', 0, 'latin1');
	return createHash('sha256').update(content).digest('hex');
}

describe.each(lines)('Docketwise in n8n %s.x', (line) => {
	// Each access token serves four calls, so the run meets an expired token midway.
	const simulator = new DocketwiseSimulator({ contacts: 450, accessTokenMaxUses: 4 });
	let n8n: N8nInstance;
	let tokens: ReturnType<DocketwiseSimulator['issueTokens']>;

	beforeAll(async () => {
		await simulator.start();
		tokens = simulator.issueTokens();
		n8n = new N8nInstance({ line, env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
		await n8n.installPackages([builtTarball('n8n-nodes-docketwise')]);
		await n8n.importCredentials(
			docketwiseCredentialFile(simulator.url, simulator.clientId, simulator.clientSecret, tokens),
		);
		await n8n.importWorkflows([
			docketwiseOperationsWorkflow(simulator.url),
			docketwiseTriggerWorkflow(`${simulator.url}/_sim/sink`),
		]);
	});

	afterAll(async () => {
		await n8n?.cleanup();
		await simulator.stop();
	});

	it(`runs n8n ${N8N_VERSIONS[line]}: contact, matter, document upload and download, every contact across pages, through a token refresh`, async () => {
		const result = await n8n.execute('dwOperations0001');
		const [contact] = result.json('Create Contact');
		expect(contact).toMatchObject({
			first_name: 'Ana',
			last_name: 'Ruiz',
			email: 'ana.ruiz@client.example',
			lead: true,
		});
		expect(simulator.tables.contacts.find((row) => row.id === contact.id)!.phone_numbers).toEqual([
			{ id: 1, number: '5125550100', daytime: true },
		]);

		const [matter] = result.json('Create Matter');
		expect(matter).toMatchObject({ client_id: contact.id, title: 'Ruiz – I-130', user_ids: [1] });

		const [document] = result.json('Upload Document');
		expect(document).toMatchObject({
			title: 'Passport',
			client_id: contact.id,
			matter_id: matter.id,
			size: 120_000,
		});
		const stored = simulator.files.get(Number(document.id))!;
		expect(createHash('sha256').update(stored.content).digest('hex')).toBe(fixtureSha(120_000));

		const [downloaded] = result.items('Download Document');
		expect(downloaded.binary!.data).toMatchObject({
			fileName: 'Passport',
			mimeType: 'application/octet-stream',
		});

		const contacts = result.json('List Contacts');
		expect(contacts).toHaveLength(451);
		expect(
			simulator.requestLog.filter(
				(call) => call.path === '/api/v1/contacts' && call.status === 200 && call.method === 'GET',
			),
		).toHaveLength(3);

		// The token ran out once: n8n refreshed it once and no item was lost.
		expect(simulator.refreshes).toBe(1);
		const raw = JSON.stringify(result.raw);
		for (const secret of [tokens.access_token, tokens.refresh_token, simulator.clientSecret])
			expect(raw).not.toContain(secret);
	});

	it('polls for new contacts and emits each exactly once, across a restart', async () => {
		simulator.accessTokenMaxUses = undefined;
		const contactPolls = () =>
			simulator.requestLog.filter(
				(call) => call.path === '/api/v1/contacts' && call.method === 'GET' && call.status === 200,
			).length;
		await n8n.start();
		try {
			// Activation polls once at once: it takes note of the existing contacts and emits nothing.
			const before = contactPolls();
			await n8n.activate('dwTrigger0000001');
			await waitFor('the first poll', () => (contactPolls() > before ? true : undefined), 60_000);
			await new Promise((resolve) => setTimeout(resolve, 2000));
			expect(simulator.sink).toHaveLength(0);

			const first = simulator.addContact({
				first_name: 'Nora',
				last_name: 'Newcomer',
				email: 'nora@client.example',
			});
			await waitFor('the new contact', () => (simulator.sink.length ? true : undefined), 90_000);
			expect(simulator.sink[0]).toMatchObject({
				event: 'newContact',
				id: first.id,
				first_name: 'Nora',
			});

			// A contact added while n8n is down arrives after the restart; the first is not repeated.
			await n8n.stop();
			const second = simulator.addContact({ first_name: 'Omar', last_name: 'Offline' });
			await n8n.start();
			await waitFor(
				'the contact added while n8n was down',
				() => (simulator.sink.length >= 2 ? true : undefined),
				90_000,
			);
			const polled = contactPolls();
			await waitFor('one more poll', () => (contactPolls() > polled ? true : undefined), 90_000);
			await new Promise((resolve) => setTimeout(resolve, 3000));
			expect(
				(simulator.sink as Array<Record<string, unknown>>).map((contact) => contact.id),
			).toEqual([first.id, second.id]);
			await n8n.deactivate('dwTrigger0000001');
		} finally {
			await n8n.stop();
		}
	});
});
