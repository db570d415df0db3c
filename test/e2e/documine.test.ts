/**
 * DocuMine end to end: the packed n8n-nodes-documine in real n8n 1.x and 2.x against the local
 * DocuMine simulator, whose access tokens live 2.5 seconds (DocuMine's five minutes, scaled down).
 */
import { DocuMineSimulator } from '../kit/simulators/documine';
import { builtTarball, N8nInstance, N8N_VERSIONS, waitFor, type N8nLine } from '../kit/n8n';
import {
	docuMineCredentialFile,
	docuMineOperationsWorkflow,
	docuMineTriggerWorkflow,
} from '../kit/workflows/documine';

const lines = (process.env.E2E_N8N_LINES ?? '1,2')
	.split(',')
	.map((line) => line.trim()) as N8nLine[];
const PASSWORD = 'e2e-documine-password-51';

describe.each(lines)('DocuMine in n8n %s.x', (line) => {
	// Files take 3 s to process and tokens live 2.5 s: the wait for processing outlives a token.
	const simulator = new DocuMineSimulator({
		password: PASSWORD,
		accessTokenTtlMs: 2500,
		processingMs: 3000,
	});
	let n8n: N8nInstance;

	beforeAll(async () => {
		await simulator.start();
		n8n = new N8nInstance({ line, env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
		await n8n.installPackages([builtTarball('n8n-nodes-documine')]);
		await n8n.importCredentials(
			docuMineCredentialFile(
				simulator.url,
				simulator.workspaceId,
				simulator.clientId,
				simulator.username,
				PASSWORD,
			),
		);
		await n8n.importWorkflows([
			docuMineOperationsWorkflow(simulator.url),
			docuMineTriggerWorkflow(`${simulator.url}/_sim/sink`),
		]);
	});

	afterAll(async () => {
		await n8n?.cleanup();
		await simulator.stop();
	});

	it(`runs n8n ${N8N_VERSIONS[line]}: upload, wait for processing, components, result package ZIP, across token expiries`, async () => {
		const result = await n8n.execute('dmOperations0001');
		const [file] = result.json('Upload File');
		expect(file).toMatchObject({
			filename: 'study-42.pdf',
			processingStatus: 'PROCESSED',
			size: 60_000,
		});

		const [components] = result.json('Get Components');
		expect(components).toEqual({
			fileId: file.id,
			'Study Title': 'Study of study-42.pdf',
			Species: ['Rat', 'Mouse'],
			'Page Count': '20',
		});

		const [resultPackage] = result.items('Get Result Package');
		expect(resultPackage.binary!.data).toMatchObject({ mimeType: 'application/zip' });
		expect(resultPackage.json).toMatchObject({ status: 'READY', deletedFromDocuMine: true });
		expect(simulator.packages.size).toBe(0);
		expect(result.json('License Usage')[0]).toMatchObject({ licensedPages: 100000 });

		// Tokens expired during the run: each refusal cost one new login and lost nothing.
		expect(simulator.refused).toBeGreaterThan(0);
		expect(simulator.logins).toBe(simulator.refused + 1);
		expect(JSON.stringify(result.raw)).not.toContain(PASSWORD);
	});

	it('polls and emits each processed file once', async () => {
		simulator.accessTokenTtlMs = 300_000;
		await n8n.start();
		try {
			const before = simulator.fileListReads;
			await n8n.activate('dmTrigger0000001');
			await waitFor(
				'the first poll',
				() => (simulator.fileListReads > before ? true : undefined),
				60_000,
			);
			await new Promise((resolve) => setTimeout(resolve, 2000));
			expect(simulator.sink).toHaveLength(0);

			const added = simulator.addProcessedFile('dos-1', 'new-study.pdf');
			await waitFor('the processed file', () => (simulator.sink.length ? true : undefined), 90_000);
			const reads = simulator.fileListReads;
			await waitFor(
				'one more poll',
				() => (simulator.fileListReads > reads ? true : undefined),
				90_000,
			);
			await new Promise((resolve) => setTimeout(resolve, 3000));
			expect(simulator.sink).toEqual([
				expect.objectContaining({
					event: 'fileProcessed',
					id: added.id,
					filename: 'new-study.pdf',
					succeeded: true,
				}),
			]);
			await n8n.deactivate('dmTrigger0000001');
		} finally {
			await n8n.stop();
		}
	});
});
