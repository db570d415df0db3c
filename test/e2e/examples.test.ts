/**
 * The example workflows in examples/ (the automations law firms build) run as a user would import
 * them, in real n8n 1.x and 2.x with all four packages, against the simulators — so none of them rots.
 * Only what a user must fill in is replaced: file folders, the chat webhook, and workflow IDs.
 */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { simulatorCredentials } from '../kit/credentials';
import { DocJurisSimulator } from '../kit/simulators/docjuris';
import {
	DocketAlarmSimulator,
	simulatedPdf,
	simulatedPdfText,
} from '../kit/simulators/docketalarm';
import { DocketwiseSimulator } from '../kit/simulators/docketwise';
import { DocuMineSimulator } from '../kit/simulators/documine';
import { builtTarball, N8nInstance, N8N_VERSIONS, waitFor, type N8nLine } from '../kit/n8n';
import { allExamples } from '../kit/workflows/examples';

const lines = (process.env.E2E_N8N_LINES ?? '1,2')
	.split(',')
	.map((line) => line.trim()) as N8nLine[];
describe.each(lines)('Example workflows in n8n %s.x', (line) => {
	const docJuris = new DocJurisSimulator();
	const docketAlarm = new DocketAlarmSimulator();
	const docketwise = new DocketwiseSimulator();
	const docuMine = new DocuMineSimulator({ processingMs: 500 });
	const filesDir = mkdtempSync(path.join(tmpdir(), 'n8n-examples-'));
	let n8n: N8nInstance;
	const workflows = {} as ReturnType<typeof allExamples>;

	beforeAll(async () => {
		for (const sim of [docJuris, docketAlarm, docketwise, docuMine]) await sim.start();
		n8n = new N8nInstance({
			line,
			env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem', N8N_RESTRICT_FILE_ACCESS_TO: filesDir },
		});
		await n8n.installPackages(
			[
				'n8n-nodes-docjuris',
				'n8n-nodes-docket-alarm',
				'n8n-nodes-docketwise',
				'n8n-nodes-documine',
			].map(builtTarball),
		);
		await n8n.importCredentials(
			simulatorCredentials({ docJuris, docketAlarm, docketwise, docuMine }),
		);
		Object.assign(
			workflows,
			allExamples(filesDir, {
				docketAlarm: `${docketAlarm.url}/_sim/sink`,
				docJuris: `${docJuris.url}/_sim/sink`,
			}),
		);
		await n8n.importWorkflows(Object.values(workflows));
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.cleanup();
		for (const sim of [docJuris, docketAlarm, docketwise, docuMine]) await sim.stop();
		rmSync(filesDir, { recursive: true, force: true });
	});

	it(`n8n ${N8N_VERSIONS[line]}: loads all four packages side by side in one user folder, with their AI tools, without a warning`, async () => {
		// The node types n8n loaded, as it publishes them to its editor.
		const published = path.join(n8n.userFolder, '.cache', 'n8n', 'public', 'types', 'nodes.json');
		const descriptions = JSON.parse(readFileSync(published, 'utf8')) as Array<{
			name: string;
			properties: Array<{ name: string; options?: Array<{ value: unknown }> }>;
		}>;
		const types = descriptions.map((type) => type.name);
		// n8n adds "Custom API Call" (HTTP Request with the node's credential) to every action node.
		for (const type of [
			'n8n-nodes-docjuris.docJuris',
			'n8n-nodes-docket-alarm.docketAlarm',
			'n8n-nodes-docketwise.docketwise',
			'n8n-nodes-documine.docuMine',
		]) {
			const resource = descriptions
				.find((entry) => entry.name === type)
				?.properties.find((property) => property.name === 'resource');
			expect({
				type,
				customApiCall: resource?.options?.some((option) => option.value === '__CUSTOM_API_CALL__'),
			}).toEqual({ type, customApiCall: true });
		}
		for (const type of [
			'n8n-nodes-docjuris.docJuris',
			'n8n-nodes-docjuris.docJurisTrigger',
			'n8n-nodes-docket-alarm.docketAlarm',
			'n8n-nodes-docket-alarm.docketAlarmTrigger',
			'n8n-nodes-docketwise.docketwise',
			'n8n-nodes-docketwise.docketwiseTrigger',
			'n8n-nodes-documine.docuMine',
			'n8n-nodes-documine.docuMineTrigger',
			// The AI-agent tool variants n8n builds from `usableAsTool`, with no server setting
			// (neither line reads N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE; the READMEs say so).
			'n8n-nodes-docjuris.docJurisTool',
			'n8n-nodes-docket-alarm.docketAlarmTool',
			'n8n-nodes-docketwise.docketwiseTool',
			'n8n-nodes-documine.docuMineTool',
		]) {
			expect(types).toContain(type);
		}
		expect(n8n.environment().N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE).toBeUndefined();
		const complaints = n8n.log
			.split('\n')
			.filter(
				(entry) =>
					/docjuris|docket-?alarm|docketwise|documine/i.test(entry) &&
					/warn|error|fail|could not|deprecat/i.test(entry),
			);
		expect(complaints).toEqual([]);
	});

	it(`n8n ${N8N_VERSIONS[line]}: a new court filing is downloaded, read by Extract From File, stored as a PDF and announced`, async () => {
		mkdirSync(path.join(filesDir, 'filings'), { recursive: true });
		await n8n.activate(workflows.filing.id);
		const trigger = workflows.filing.nodes.find((node) => node.name === 'New Docket Entry')!;
		const pushUrl = `${n8n.baseUrl}/webhook/${trigger.webhookId}/webhook?token=${String(trigger.parameters.pushSecret)}`;
		// n8n 2.x registers webhooks just after activation: the push is retried until n8n takes it.
		const push = docketAlarm.docketPush(2);
		let status = 0;
		for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
			status = (await docketAlarm.push(push, pushUrl)).status;
			if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(status).toBe(200);
		const notes = (await waitFor(
			'two notifications',
			() => (docketAlarm.sink.length >= 2 ? docketAlarm.sink : undefined),
			60_000,
		).catch(async (error) => {
			const execution = await n8n.latestExecution(workflows.filing.id);
			throw new Error(
				`${(error as Error).message}; the workflow's last execution: ${execution ? `${execution.status} ${execution.result.raw.error?.message ?? ''} nodes ${Object.keys(execution.result.raw.runData).join(', ')}` : 'none'}`,
			);
		})) as Array<Record<string, unknown>>;
		const entries = (push.docket_report as Array<{ number: number; link: string }>).filter(
			(entry) => entry.link,
		);
		expect(notes.map((note) => note.entry).sort()).toEqual(
			entries.map((entry) => entry.number).sort(),
		);
		for (const entry of entries) {
			const stored = path.join(filesDir, 'filings', `1_11-cv-06909-entry-${entry.number}.pdf`);
			expect(readFileSync(stored).equals(simulatedPdf(new URL(entry.link).pathname))).toBe(true);
			const note = notes.find((candidate) => candidate.entry === entry.number)!;
			expect(note.text).toContain(`entry ${entry.number}`);
			// n8n's own Extract From File read the PDF our node downloaded.
			expect(note.text).toContain(`It begins: ${simulatedPdfText(new URL(entry.link).pathname)}`);
			expect(note.pages).toBe(1);
		}
		await n8n.deactivate(workflows.filing.id);
	});

	it(`n8n ${N8N_VERSIONS[line]}: an intake form submission becomes a Docketwise contact, matter and note`, async () => {
		await n8n.activate(workflows.intake.id);
		const submission = {
			first_name: 'Lucía',
			last_name: 'Gómez',
			email: 'lucia.gomez@client.example',
			phone: '5125550199',
			matter_title: 'Gómez – I-485',
			message: 'Referred by Ana Ruiz.',
		};
		let response: Response | undefined;
		for (let attempt = 0; attempt < 40; attempt++) {
			response = await fetch(`${n8n.baseUrl}/webhook/client-intake`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(submission),
			});
			if (response.status !== 404) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(response!.status).toBe(200);
		const note = (await response!.json()) as Record<string, unknown>;
		const contact = docketwise.tables.contacts.find((row) => row.email === submission.email)!;
		expect(contact).toMatchObject({ first_name: 'Lucía', last_name: 'Gómez', lead: true });
		expect(contact.phone_numbers).toEqual([{ id: 1, number: '5125550199', daytime: true }]);
		const matter = docketwise.tables.matters.find((row) => row.client_id === contact.id)!;
		expect(matter.title).toBe('Gómez – I-485');
		expect(note).toMatchObject({
			matter_id: matter.id,
			title: 'Intake form',
			content: 'Referred by Ana Ruiz.',
		});
		await n8n.deactivate(workflows.intake.id);
	});

	it(`n8n ${N8N_VERSIONS[line]}: a completed turn's redline is fetched and the deal team told`, async () => {
		await n8n.activate(workflows.redline.id);
		await waitFor('the turnCompleted subscription', () =>
			docJuris.subscriptions.size === 1 ? true : undefined,
		);
		const contract = docJuris.seedContract('Example MSA');
		await docJuris.completeTurn(docJuris.latestTurnId(contract.id));
		const [note] = (await waitFor(
			'the notification',
			() => (docJuris.sink.length ? docJuris.sink : undefined),
			60_000,
		)) as Array<Record<string, unknown>>;
		expect(note).toMatchObject({
			contractId: contract.id.toUpperCase(),
			turnId: docJuris.latestTurnId(contract.id),
		});
		expect(String(note.redline)).toMatch(/\.docx$/);
		expect(String(note.text)).toContain('is ready');
		await n8n.deactivate(workflows.redline.id);
		await waitFor('the subscription removed', () =>
			docJuris.subscriptions.size === 0 ? true : undefined,
		);
	});

	it(`n8n ${N8N_VERSIONS[line]}: study PDFs are uploaded to DocuMine, waited for, and their components saved as a spreadsheet`, async () => {
		mkdirSync(path.join(filesDir, 'inbox'), { recursive: true });
		mkdirSync(path.join(filesDir, 'reports'), { recursive: true });
		for (const name of ['study-a.pdf', 'study-b.pdf', 'study-c.pdf'])
			writeFileSync(path.join(filesDir, 'inbox', name), `%PDF-1.7\n${name}\n${'x'.repeat(9000)}`);
		// `n8n execute` is a second n8n process: n8n 2.x's task broker port allows one at a time.
		await n8n.stop();
		const result = await n8n.execute(workflows.studies.id);
		const components = result.json('Get Components');
		expect(components).toHaveLength(3);
		expect(components.map((item) => item['Study Title']).sort()).toEqual([
			'Study of study-a.pdf',
			'Study of study-b.pdf',
			'Study of study-c.pdf',
		]);
		const spreadsheet = path.join(filesDir, 'reports', 'study-components.xlsx');
		expect(existsSync(spreadsheet) && statSync(spreadsheet).size).toBeGreaterThan(1000);
		// An .xlsx file is a ZIP archive.
		expect(readFileSync(spreadsheet).subarray(0, 2).toString('latin1')).toBe('PK');
		expect(readdirSync(path.join(filesDir, 'inbox'))).toHaveLength(3);
	});
});
