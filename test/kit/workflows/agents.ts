/**
 * AI-agent workflows for the agent e2e suite: n8n's Chat Trigger, AI Agent and OpenAI Chat Model
 * (pointed at the scripted model) with our nodes' tool variants, their parameters filled by the
 * model through `$fromAI()`; and an MCP Server Trigger that offers our tools to MCP clients.
 * Tool names are what n8n makes of node names (spaces become underscores).
 */
import { randomUUID } from 'node:crypto';

import { DOCJURIS_CREDENTIAL } from './docjuris';
import { DOCKET_ALARM_CREDENTIAL } from './docketalarm';
import { DOCKETWISE_CREDENTIAL } from './docketwise';
import { DOCUMINE_CREDENTIAL } from './documine';
import type { CredentialRef, WorkflowJson, WorkflowNode } from '../workflow';

/** The OpenAI credential the agent workflows (and the example) use, pointed at the scripted model. */
export const OPENAI_CREDENTIAL = { id: 'openAiCred000001', name: 'OpenAI account' };

export function scriptedModelCredentialFile(baseUrl: string): unknown[] {
	return [
		{
			...OPENAI_CREDENTIAL,
			type: 'openAiApi',
			data: { apiKey: 'sk-scripted-model-not-a-secret', url: baseUrl },
		},
	];
}

/** A `$fromAI()` placeholder: the model fills the parameter, told what it is. */
export function fromAI(key: string, description: string, type = 'string'): string {
	return `={{ $fromAI('${key}', ${JSON.stringify(description)}, '${type}') }}`;
}

const byId = (value: string, mode = 'id') => ({ __rl: true, mode, value });

function toolNode(
	name: string,
	type: string,
	credentials: Record<string, CredentialRef>,
	parameters: Record<string, unknown>,
	y: number,
): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type,
		typeVersion: 1,
		position: [400, y],
		parameters,
		credentials,
	};
}

/** Our tools, by vendor: a read and a write each (Docket Alarm two reads), as an agent uses them. */
export const TOOLS = {
	searchDockets: (y = 300) =>
		toolNode(
			'Search Dockets',
			'n8n-nodes-docket-alarm.docketAlarmTool',
			{ docketAlarmApi: DOCKET_ALARM_CREDENTIAL },
			{
				resource: 'search',
				operation: 'search',
				query: fromAI(
					'query',
					'Docket Alarm search terms, e.g. a party name; filters such as is:docket or court:(…) may be added',
				),
				limit: 5,
				options: {},
			},
			y,
		),
	getDocket: (y = 300) =>
		toolNode(
			'Get Docket',
			'n8n-nodes-docket-alarm.docketAlarmTool',
			{ docketAlarmApi: DOCKET_ALARM_CREDENTIAL },
			{
				resource: 'docket',
				operation: 'get',
				court: byId(
					fromAI(
						'court',
						'The court exactly as a search result names it, e.g. "Texas Eastern District Court"',
					),
					'name',
				),
				docket: fromAI(
					'docket',
					'The docket number exactly as a search result gives it, e.g. 2:24-cv-00003',
				),
				options: {},
			},
			y,
		),
	downloadFiling: (y = 300) =>
		toolNode(
			'Download Filing',
			'n8n-nodes-docket-alarm.docketAlarmTool',
			{ docketAlarmApi: DOCKET_ALARM_CREDENTIAL },
			{
				resource: 'document',
				operation: 'download',
				link: fromAI('link', 'The link of a docket entry, exactly as Get Docket gives it'),
				cached: true,
				binaryPropertyName: 'data',
				options: {},
			},
			y,
		),
	trackDocket: (y = 300) =>
		toolNode(
			'Track Docket',
			'n8n-nodes-docket-alarm.docketAlarmTool',
			{ docketAlarmApi: DOCKET_ALARM_CREDENTIAL },
			{
				resource: 'tracker',
				operation: 'create',
				court: byId(fromAI('court', 'The court exactly as a search result names it'), 'name'),
				docket: fromAI('docket', 'The docket number exactly as a search result gives it'),
				options: {},
			},
			y,
		),
	findMatters: (y = 300) =>
		toolNode(
			'Find Matters',
			'n8n-nodes-docketwise.docketwiseTool',
			{ docketwiseOAuth2Api: DOCKETWISE_CREDENTIAL },
			{ resource: 'matter', operation: 'getAll', limit: 20 },
			y,
		),
	listContacts: (y = 300) =>
		toolNode(
			'List Contacts',
			'n8n-nodes-docketwise.docketwiseTool',
			{ docketwiseOAuth2Api: DOCKETWISE_CREDENTIAL },
			{ resource: 'contact', operation: 'getAll', limit: 20, filters: {} },
			y,
		),
	noteOnMatter: (y = 300) =>
		toolNode(
			'Add Matter Note',
			'n8n-nodes-docketwise.docketwiseTool',
			{ docketwiseOAuth2Api: DOCKETWISE_CREDENTIAL },
			{
				resource: 'note',
				operation: 'create',
				attachTo: 'matter',
				matterId: fromAI(
					'matterId',
					'The Docketwise matter ID, a whole number such as 1042',
					'number',
				),
				title: fromAI('title', 'A short title for the note'),
				content: fromAI('content', 'The note text'),
			},
			y,
		),
	noteOnContact: (y = 300) =>
		toolNode(
			'Add Contact Note',
			'n8n-nodes-docketwise.docketwiseTool',
			{ docketwiseOAuth2Api: DOCKETWISE_CREDENTIAL },
			{
				resource: 'note',
				operation: 'create',
				attachTo: 'contact',
				clientId: fromAI(
					'contactId',
					'The Docketwise contact ID, a whole number such as 1001',
					'number',
				),
				title: fromAI('title', 'A short title for the note'),
				content: fromAI('content', 'The note text'),
			},
			y,
		),
	latestTurn: (y = 300) =>
		toolNode(
			'Get Latest Turn',
			'n8n-nodes-docjuris.docJurisTool',
			{ docJurisApi: DOCJURIS_CREDENTIAL },
			{
				resource: 'turn',
				operation: 'get',
				contractId: byId(
					fromAI(
						'contractId',
						'The DocJuris contract ID, a GUID such as 3f2b8c1e-0d4a-4e5f-9a6b-7c8d9e0f1a2b',
					),
				),
				turnSelection: 'latest',
			},
			y,
		),
	watchTurns: (sinkUrl: string, y = 300) =>
		toolNode(
			'Watch Completed Turns',
			'n8n-nodes-docjuris.docJurisTool',
			{ docJurisApi: DOCJURIS_CREDENTIAL },
			{ resource: 'subscription', operation: 'create', type: 'turnCompleted', webhookUrl: sinkUrl },
			y,
		),
	components: (y = 300) =>
		toolNode(
			'Get Components',
			'n8n-nodes-documine.docuMineTool',
			{ docuMineApi: DOCUMINE_CREDENTIAL },
			{
				authentication: 'password',
				resource: 'component',
				operation: 'get',
				templateId: byId(fromAI('templateId', 'The DocuMine dossier template ID')),
				dossierId: byId(fromAI('dossierId', 'The DocuMine dossier ID')),
				fileId: byId(fromAI('fileId', 'The DocuMine file ID, a UUID')),
			},
			y,
		),
	createDossier: (y = 300) =>
		toolNode(
			'Create Dossier',
			'n8n-nodes-documine.docuMineTool',
			{ docuMineApi: DOCUMINE_CREDENTIAL },
			{
				authentication: 'password',
				resource: 'dossier',
				operation: 'create',
				templateId: byId(fromAI('templateId', 'The DocuMine dossier template ID')),
				name: fromAI('name', 'The new dossier’s name'),
				additionalFields: {},
			},
			y,
		),
};

/** Where a chat workflow takes messages: POST /webhook/<webhook ID>/chat. */
export function chatUrl(baseUrl: string, workflow: WorkflowJson): string {
	const trigger = workflow.nodes.find((node) => node.type.endsWith('.chatTrigger'))!;
	return `${baseUrl}/webhook/${String(trigger.webhookId)}/chat`;
}

/** A chat with an AI agent (answers with its output once the run ends) whose tools are given. */
export function agentWorkflow(id: string, name: string, tools: WorkflowNode[]): WorkflowJson {
	const nodes: WorkflowNode[] = [
		{
			id: randomUUID(),
			name: 'When Chat Message Received',
			type: '@n8n/n8n-nodes-langchain.chatTrigger',
			typeVersion: 1.3,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { public: true, mode: 'hostedChat', options: {} },
		},
		{
			id: randomUUID(),
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3,
			position: [220, 0],
			parameters: { options: { systemMessage: 'You help a law firm with its legal tools.' } },
		},
		{
			id: randomUUID(),
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.2,
			position: [0, 300],
			parameters: { model: { __rl: true, mode: 'id', value: 'scripted-model' }, options: {} },
			credentials: { openAiApi: OPENAI_CREDENTIAL },
		},
		...tools,
	];
	const toAgent = (type: string) => ({ [type]: [[{ node: 'AI Agent', type, index: 0 }]] });
	return {
		id,
		name,
		active: false,
		nodes,
		connections: {
			'When Chat Message Received': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': toAgent('ai_languageModel'),
			...Object.fromEntries(tools.map((tool) => [tool.name, toAgent('ai_tool')])),
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The MCP path the MCP workflow serves at (/mcp/<path>). */
export const MCP_PATH = 'legal-tools';

/** An MCP Server Trigger offering the tools given to any MCP client. */
export function mcpWorkflow(id: string, tools: WorkflowNode[]): WorkflowJson {
	const trigger: WorkflowNode = {
		id: randomUUID(),
		name: 'MCP Server Trigger',
		type: '@n8n/n8n-nodes-langchain.mcpTrigger',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { path: MCP_PATH },
	};
	return {
		id,
		name: 'Legal tools over MCP',
		active: false,
		nodes: [trigger, ...tools],
		connections: Object.fromEntries(
			tools.map((tool) => [
				tool.name,
				{ ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]] },
			]),
		),
		settings: { executionOrder: 'v1' },
	};
}
