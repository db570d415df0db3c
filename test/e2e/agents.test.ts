/**
 * Our nodes as AI-agent tools and MCP tools, in real n8n 1.x and 2.x: n8n's own Chat Trigger, AI
 * Agent and OpenAI Chat Model run unmodified against a scripted model (an OpenAI-compatible server
 * on 127.0.0.1, test/kit/scriptedModel.ts), with our nodes' `…Tool` variants as the agent's tools,
 * their parameters filled by the model through `$fromAI()`. Each test asserts what n8n told the
 * model (tools, descriptions, argument schemas), the requests the vendor simulators received, the
 * tool results the model was sent back, and the agent's answer. An MCP client (the official MCP
 * TypeScript SDK) lists and calls the same tools through n8n's MCP Server Trigger.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { simulatorCredentials } from '../kit/credentials';
import { builtTarball, N8nInstance, N8N_VERSIONS, type N8nLine } from '../kit/n8n';
import { ScriptedModel, type ToolResult } from '../kit/scriptedModel';
import { DocJurisSimulator } from '../kit/simulators/docjuris';
import { DocketAlarmSimulator, SIM_COURT, SIM_DOCKET } from '../kit/simulators/docketalarm';
import { DocketwiseSimulator } from '../kit/simulators/docketwise';
import { DocuMineSimulator } from '../kit/simulators/documine';
import {
	agentWorkflow,
	chatUrl,
	MCP_PATH,
	mcpWorkflow,
	scriptedModelCredentialFile,
	TOOLS,
} from '../kit/workflows/agents';
import { exampleWorkflow } from '../kit/workflows/examples';
import type { WorkflowJson } from '../kit/workflow';

const lines = (process.env.E2E_N8N_LINES ?? '1,2')
	.split(',')
	.map((line) => line.trim()) as N8nLine[];

/** The items a tool answered with, as the model received them (n8n sends a JSON text). */
function answered(result: ToolResult | undefined): Array<Record<string, unknown>> {
	if (!result) throw new Error('the model was sent no such tool result');
	const parsed = JSON.parse(result.content) as unknown;
	return (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
}

const resultOf = (results: ToolResult[], tool: string) =>
	results.find((result) => result.tool === tool);

describe.each(lines)('AI agents and MCP clients with our tools in n8n %s.x', (line) => {
	const docJuris = new DocJurisSimulator();
	const docketAlarm = new DocketAlarmSimulator();
	const docketwise = new DocketwiseSimulator();
	const docuMine = new DocuMineSimulator();
	const model = new ScriptedModel();
	let n8n: N8nInstance;
	let workflows: Record<'research' | 'dockets' | 'contracts' | 'studies' | 'mcp', WorkflowJson>;

	beforeAll(async () => {
		for (const server of [docJuris, docketAlarm, docketwise, docuMine, model]) await server.start();
		const client = docketwise.tables.contacts[0];
		docketwise.tables.matters.push({
			id: 5001,
			title: 'Acme patent watch',
			client_id: client.id,
			status: 10,
			created_at: new Date().toISOString(),
			updated_at: new Date().toISOString(),
		});
		workflows = {
			research: {
				...(exampleWorkflow(
					'docket-research-agent.json',
					'exResearchAgent1',
					{},
				) as unknown as WorkflowJson),
			},
			dockets: agentWorkflow('agentDocketAlarm', 'Docket Alarm agent', [
				TOOLS.searchDockets(),
				TOOLS.getDocket(),
				TOOLS.downloadFiling(),
				TOOLS.trackDocket(),
			]),
			contracts: agentWorkflow('agentDocJuris001', 'DocJuris agent', [
				TOOLS.latestTurn(),
				TOOLS.watchTurns(`${docJuris.url}/_sim/sink`),
			]),
			studies: agentWorkflow('agentDocuMine001', 'DocuMine agent', [
				TOOLS.components(),
				TOOLS.createDossier(),
				TOOLS.listContacts(),
				TOOLS.noteOnContact(),
			]),
			mcp: mcpWorkflow('mcpLegalTools001', [
				TOOLS.getDocket(),
				TOOLS.listContacts(),
				TOOLS.latestTurn(),
				TOOLS.components(),
			]),
		};
		n8n = new N8nInstance({ line });
		await n8n.installPackages(
			[
				'n8n-nodes-docjuris',
				'n8n-nodes-docket-alarm',
				'n8n-nodes-docketwise',
				'n8n-nodes-documine',
			].map(builtTarball),
		);
		await n8n.importCredentials([
			...simulatorCredentials({ docJuris, docketAlarm, docketwise, docuMine }),
			...scriptedModelCredentialFile(model.url),
		]);
		await n8n.importWorkflows(Object.values(workflows));
		await n8n.start();
		for (const workflow of Object.values(workflows)) await n8n.activate(workflow.id);
	});

	afterAll(async () => {
		await n8n?.cleanup();
		for (const server of [docJuris, docketAlarm, docketwise, docuMine, model]) await server.stop();
	});

	/** Sends a chat message and returns the agent's answer (n8n 2.x may take a moment to register). */
	async function chat(workflow: WorkflowJson, prompt: string): Promise<string> {
		let response: Response | undefined;
		for (let attempt = 0; attempt < 40; attempt++) {
			response = await fetch(chatUrl(n8n.baseUrl, workflow), {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ action: 'sendMessage', sessionId: 'e2e', chatInput: prompt }),
			});
			if (response.status !== 404) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		const text = await response!.text();
		if (response!.status !== 200) {
			const execution = await n8n.latestExecution(workflow.id);
			throw new Error(
				`the chat answered ${response!.status}: ${text}; last execution: ${execution?.status} ${execution?.result.raw.error?.message ?? ''}`,
			);
		}
		return String((JSON.parse(text) as { output?: unknown }).output);
	}

	it(`n8n ${N8N_VERSIONS[line]}: a Docket Alarm agent searches, reads the docket as a case summary, and tracks it`, async () => {
		const prompt = 'What was filed last in the Acme patent case? Track it for me.';
		model.script(prompt, [
			{ call: [{ tool: 'Search_Dockets', args: { query: 'Acme' } }] },
			{
				call: (results) => {
					const [first] = answered(resultOf(results, 'Search_Dockets'));
					return [{ tool: 'Get_Docket', args: { court: first.court, docket: first.docket } }];
				},
			},
			{
				call: (results) => {
					const [docket] = answered(resultOf(results, 'Get_Docket'));
					// The newest entry is sealed (the simulator's 999): the filing before it.
					const filed = (docket.latestEntries as Array<Record<string, unknown>>).find(
						(entry) => !String(entry.contents).startsWith('SEALED'),
					)!;
					return [
						{ tool: 'Track_Docket', args: { court: docket.court, docket: docket.docket } },
						{ tool: 'Download_Filing', args: { link: filed.link } },
					];
				},
			},
			{
				answer: (results) => {
					const [docket] = answered(resultOf(results, 'Get_Docket'));
					const [latest] = docket.latestEntries as Array<Record<string, unknown>>;
					return `Latest in ${String(docket.title)}: entry ${String(latest.number)}, ${String(latest.contents)}`;
				},
			},
		]);
		const answer = await chat(workflows.dockets, prompt);

		// What n8n told the model: our three tools, with the schema built from $fromAI().
		const [first] = model.requestsFor(prompt);
		const tools = Object.fromEntries(
			(first.tools ?? []).map((tool) => [tool.function.name, tool.function]),
		);
		expect(Object.keys(tools).sort()).toEqual([
			'Download_Filing',
			'Get_Docket',
			'Search_Dockets',
			'Track_Docket',
		]);
		expect(tools.Get_Docket.description).toMatch(/docket/i);
		expect(tools.Get_Docket.parameters).toMatchObject({
			type: 'object',
			properties: {
				court: {
					type: 'string',
					description: expect.stringContaining('exactly as a search result'),
				},
				docket: { type: 'string' },
			},
			required: expect.arrayContaining(['court', 'docket']),
		});

		// What Docket Alarm received: the search, the docket the search found, the tracker.
		const calls = docketAlarm.requestLog.map((request) => request.path);
		expect(calls).toEqual(
			expect.arrayContaining(['/api/v1/search/', '/api/v1/getdocket/', '/api/v1/track/']),
		);
		const results = model.toolResults(prompt);
		const [found] = answered(resultOf(results, 'Search_Dockets'));
		expect(found.title).toMatch(/Acme/);
		const getDocket = docketAlarm.requestLog.find(
			(request) => request.path === '/api/v1/getdocket/',
		)!;
		expect(getDocket.query).toMatchObject({ court: found.court, docket: found.docket });
		expect(docketAlarm.trackers).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ court: found.court, docket: found.docket }),
			]),
		);

		// The docket reached the model as the compact case summary, not the whole record.
		const [summary] = answered(resultOf(results, 'Get_Docket'));
		expect(summary).toMatchObject({ court: found.court, docket: found.docket, entryCount: 4 });
		expect(JSON.stringify(summary)).not.toContain('counsel');
		// A download's file stays in the run; the model is told what it is.
		const [filing] = answered(resultOf(results, 'Download_Filing'));
		expect(filing).toMatchObject({
			fileName: expect.stringMatching(/\.pdf$/),
			mimeType: 'application/pdf',
			fileSize: expect.stringMatching(/kB$/),
		});
		expect(answer).toBe(
			`Latest in ${String(found.title)}: entry 999, ${String((summary.latestEntries as Array<Record<string, unknown>>)[0].contents)}`,
		);
	});

	it(`n8n ${N8N_VERSIONS[line]}: a search that finds nothing tells the model so, instead of answering with nothing`, async () => {
		const prompt = 'Any cases against Nobody Holdings Ltd?';
		model.script(prompt, [
			{ call: [{ tool: 'Search_Dockets', args: { query: 'Nobody Holdings' } }] },
			{ answer: (results) => `Search said: ${results[0].content}` },
		]);
		const answer = await chat(workflows.dockets, prompt);
		expect(answered(resultOf(model.toolResults(prompt), 'Search_Dockets'))).toEqual([
			{ found: 0, message: 'The call succeeded and found no matching records.' },
		]);
		expect(answer).toContain('found no matching records');
	});

	it(`n8n ${N8N_VERSIONS[line]}: the docket research agent example finds a case, reads its docket and writes a Docketwise note on the matter`, async () => {
		const matter = docketwise.tables.matters.find((row) => row.id === 5001);
		const prompt = `Research Acme's latest case and note it on our matter ${String(matter!.title)}.`;
		model.script(prompt, [
			{
				call: [
					{ tool: 'Search_Dockets', args: { query: 'Acme' } },
					{ tool: 'Find_Matters', args: {} },
				],
			},
			{
				call: (results) => {
					const [first] = answered(resultOf(results, 'Search_Dockets'));
					return [{ tool: 'Get_Docket', args: { court: first.court, docket: first.docket } }];
				},
			},
			{
				call: (results) => {
					const matters = answered(resultOf(results, 'Find_Matters'));
					const target = matters.find((row) => row.title === matter!.title)!;
					const [docket] = answered(resultOf(results, 'Get_Docket'));
					return [
						{
							tool: 'Add_Matter_Note',
							args: {
								matterId: target.id,
								title: `Docket ${String(docket.docket)}`,
								content: `${String(docket.title)}: ${String(docket.entryCount)} entries.`,
							},
						},
					];
				},
			},
			{
				answer: (results) => {
					const [note] = answered(resultOf(results, 'Add_Matter_Note'));
					return `Noted as ${String(note.id)}.`;
				},
			},
		]);
		const answer = await chat(workflows.research, prompt);
		const [found] = answered(resultOf(model.toolResults(prompt), 'Search_Dockets'));
		const note = docketwise.tables.notes.find(
			(row) => row.title === `Docket ${String(found.docket)}`,
		)!;
		expect(note).toMatchObject({
			matter_id: matter!.id,
			content: `${String(found.title)}: 4 entries.`,
		});
		expect(answer).toBe(`Noted as ${String(note.id)}.`);
	});

	it(`n8n ${N8N_VERSIONS[line]}: a DocJuris agent reads the latest turn and subscribes; a bad contract ID reaches the model as text it can act on`, async () => {
		const contract = docJuris.seedContract('Agent MSA');
		const prompt = `Is the latest turn of contract ${contract.id} done? Tell me when it is.`;
		model.script(prompt, [
			{ call: [{ tool: 'Get_Latest_Turn', args: { contractId: contract.id } }] },
			{ call: [{ tool: 'Watch_Completed_Turns', args: {} }] },
			{
				answer: (results) => {
					const [turn] = answered(resultOf(results, 'Get_Latest_Turn'));
					return `Turn ${String(turn.id)} complete: ${String(turn.isComplete)}.`;
				},
			},
		]);
		const answer = await chat(workflows.contracts, prompt);
		const latest = docJuris.latestTurnId(contract.id);
		expect(answer).toBe(`Turn ${latest} complete: false.`);
		const [turn] = answered(resultOf(model.toolResults(prompt), 'Get_Latest_Turn'));
		// Simplified for the model: the app link, no API links.
		expect(turn).toMatchObject({ id: latest, appUrl: expect.stringContaining('app.docjuris.com') });
		expect(turn.urls).toBeUndefined();
		expect(docJuris.subscriptions.size).toBe(1);

		const badPrompt = 'Check contract x for me.';
		model.script(badPrompt, [
			{ call: [{ tool: 'Get_Latest_Turn', args: { contractId: 'x' } }] },
			{ answer: (results) => `The tool said: ${results[0].content}` },
		]);
		const before = docJuris.requestLog.length;
		const badAnswer = await chat(workflows.contracts, badPrompt);
		// The run did not fail: the model was told what was wrong, and answered with it.
		const [failure] = answered(resultOf(model.toolResults(badPrompt), 'Get_Latest_Turn'));
		expect(failure.error).toBe('Contract ID "x" is not a valid ID [item 0]');
		expect(badAnswer).toContain('is not a valid ID');
		expect(docJuris.requestLog.length).toBe(before);
	});

	it(`n8n ${N8N_VERSIONS[line]}: a DocuMine agent reads a file's components flattened and creates a dossier; a Docketwise contact gets a note`, async () => {
		const file = docuMine.addProcessedFile('dos-1', 'study-agent.pdf');
		const prompt = `Which species were tested in file ${String(file.id)}? Open a follow-up dossier and note it for Seed1.`;
		model.script(prompt, [
			{
				call: [
					{
						tool: 'Get_Components',
						args: { templateId: 'tpl-tox', dossierId: 'dos-1', fileId: file.id },
					},
					{ tool: 'List_Contacts', args: {} },
				],
			},
			{
				call: (results) => {
					const contacts = answered(resultOf(results, 'List_Contacts'));
					const seed = contacts.find((contact) => contact.first_name === 'Seed1')!;
					return [
						{ tool: 'Create_Dossier', args: { templateId: 'tpl-tox', name: 'Follow-up study' } },
						{
							tool: 'Add_Contact_Note',
							args: { contactId: seed.id, title: 'Study', content: 'Follow-up opened.' },
						},
					];
				},
			},
			{
				answer: (results) => {
					const [components] = answered(resultOf(results, 'Get_Components'));
					return `Species: ${(components.Species as string[]).join(', ')}.`;
				},
			},
		]);
		const answer = await chat(workflows.studies, prompt);
		expect(answer).toBe('Species: Rat, Mouse.');
		expect(docuMine.dossiers.map((dossier) => dossier.name)).toContain('Follow-up study');
		const seed = docketwise.tables.contacts.find((contact) => contact.first_name === 'Seed1')!;
		expect(docketwise.tables.notes).toEqual(
			expect.arrayContaining([expect.objectContaining({ client_id: seed.id, title: 'Study' })]),
		);
	});

	it(`n8n ${N8N_VERSIONS[line]}: an MCP client lists our tools with their schemas through the MCP Server Trigger and calls one per vendor`, async () => {
		const client = new Client({ name: 'e2e-mcp-client', version: '1.0.0' });
		await client.connect(
			new StreamableHTTPClientTransport(new URL(`${n8n.baseUrl}/mcp/${MCP_PATH}`)),
		);
		try {
			const { tools } = await client.listTools();
			const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
			expect(Object.keys(byName).sort()).toEqual([
				'Get_Components',
				'Get_Docket',
				'Get_Latest_Turn',
				'List_Contacts',
			]);
			expect(byName.Get_Latest_Turn.inputSchema).toMatchObject({
				type: 'object',
				properties: {
					contractId: { type: 'string', description: expect.stringContaining('GUID') },
				},
			});
			const text = async (name: string, args: Record<string, unknown>) => {
				const result = (await client.callTool({ name, arguments: args })) as {
					content: Array<{ type: string; text?: string }>;
					isError?: boolean;
				};
				return {
					text: result.content.map((part) => part.text ?? '').join(''),
					isError: result.isError,
				};
			};
			const docket = await text('Get_Docket', { court: SIM_COURT, docket: SIM_DOCKET });
			expect(docket.text).toContain('latestEntries');
			const contacts = await text('List_Contacts', {});
			expect(contacts.text).toContain('Seed1');
			const contract = docJuris.seedContract('MCP NDA');
			const turn = await text('Get_Latest_Turn', { contractId: contract.id });
			expect(turn.text).toContain(docJuris.latestTurnId(contract.id));
			const file = docuMine.addProcessedFile('dos-1', 'study-mcp.pdf');
			const components = await text('Get_Components', {
				templateId: 'tpl-tox',
				dossierId: 'dos-1',
				fileId: file.id,
			});
			expect(components.text).toContain('Study of study-mcp.pdf');
		} finally {
			await client.close();
		}
	});
});
