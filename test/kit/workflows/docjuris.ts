/**
 * DocJuris workflows used by the end-to-end tests and imported into the sandbox (`npm start`).
 * Node types are the installed package's (`n8n-nodes-docjuris.*`), as in a user's instance.
 */
import { chainedWorkflow, type CredentialRef, forwardToSink } from '../workflow';

export const DOCJURIS_CREDENTIAL = { id: 'docjurisCred0001', name: 'DocJuris sandbox' };

export function docJurisCredentialFile(
	apiBaseUrl: string,
	accountId: string,
	apiKey: string,
	ref: CredentialRef = DOCJURIS_CREDENTIAL,
) {
	return [
		{
			...ref,
			type: 'docJurisApi',
			data: { accountId, apiKey, baseUrl: apiBaseUrl },
		},
	];
}

const credentials = { docJurisApi: DOCJURIS_CREDENTIAL };
const byId = (expression: string) => ({ __rl: true, mode: 'id', value: expression });

function fetchFile(name: string, simulatorUrl: string, fileName: string, size: number, x: number) {
	return {
		id: `fetch-${x}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [x, 0],
		parameters: {
			url: `${simulatorUrl}/_sim/files/${encodeURIComponent(fileName)}?size=${size}`,
			options: { response: { response: { responseFormat: 'file' } } },
		},
	};
}

/** Contract intake and negotiation: create a contract from a file, add a turn, download it, list types. */
export function docJurisOperationsWorkflow(simulatorUrl: string, fileSize = 300_000) {
	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		fetchFile('Fetch Contract File', simulatorUrl, 'Acme NDA.docx', fileSize, 200),
		{
			id: 'create-contract',
			name: 'Create Contract',
			type: 'n8n-nodes-docjuris.docJuris',
			typeVersion: 1,
			position: [400, 0],
			credentials,
			parameters: {
				resource: 'contract',
				operation: 'create',
				binaryPropertyName: 'data',
				contractType: 1,
				counterParty: { __rl: true, mode: 'name', value: 'Company A' },
				additionalFields: {
					name: 'Acme NDA',
					owningUserEmail: 'counsel@firm.example',
					documentPassword: 'secret-doc-pass',
				},
				extendedData: { namedValues: [{ name: 'matterId', value: 'M-2026-001', type: 'text' }] },
			},
		},
		fetchFile('Fetch Counterparty Redline', simulatorUrl, 'Acme NDA v2.docx', fileSize + 1, 600),
		{
			id: 'add-turn',
			name: 'Add Turn',
			type: 'n8n-nodes-docjuris.docJuris',
			typeVersion: 1,
			position: [800, 0],
			credentials,
			parameters: {
				resource: 'turn',
				operation: 'create',
				contractId: byId("={{ $('Create Contract').item.json.id }}"),
				binaryPropertyName: 'data',
				turnSelection: 'latest',
				additionalFields: {
					description: 'Counterparty redline',
					executionCopyTag: 'importedIsExecutionCopy',
				},
			},
		},
		{
			id: 'download',
			name: 'Download Turn Document',
			type: 'n8n-nodes-docjuris.docJuris',
			typeVersion: 1,
			position: [1000, 0],
			credentials,
			parameters: {
				resource: 'turn',
				operation: 'download',
				contractId: byId("={{ $('Create Contract').item.json.id }}"),
				turnSelection: 'latest',
				docState: 'imported',
				binaryPropertyName: 'data',
			},
		},
		{
			id: 'reupload',
			name: 'Stage Downloaded Copy',
			type: 'n8n-nodes-docjuris.docJuris',
			typeVersion: 1,
			position: [1200, 0],
			credentials,
			parameters: { resource: 'import', operation: 'create', binaryPropertyName: 'data' },
		},
		{
			id: 'get-contract',
			name: 'Get Contract',
			type: 'n8n-nodes-docjuris.docJuris',
			typeVersion: 1,
			position: [1400, 0],
			credentials,
			parameters: {
				resource: 'contract',
				operation: 'get',
				contractId: byId("={{ $('Create Contract').item.json.id }}"),
			},
		},
		{
			id: 'list-types',
			name: 'List Contract Types',
			type: 'n8n-nodes-docjuris.docJuris',
			typeVersion: 1,
			position: [1600, 0],
			credentials,
			parameters: { resource: 'contractType', operation: 'getAll', returnAll: true },
		},
	];
	return chainedWorkflow('djOperations0001', 'DocJuris: contract intake, turn and download', nodes);
}

export const TRIGGER_WEBHOOK_ID = '6b0b7a4e-3f5d-4b8e-9a52-d0c5a1f0b001';

/** Every DocJuris event, enriched with the turn's details, forwarded to a sink (in the sandbox: the simulator). */
export function docJurisTriggerWorkflow(sinkUrl: string) {
	const nodes = [
		{
			id: 'trigger',
			name: 'DocJuris Trigger',
			type: 'n8n-nodes-docjuris.docJurisTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: TRIGGER_WEBHOOK_ID,
			credentials,
			parameters: {
				events: [
					'turnCompleted',
					'turnTagged',
					'turnCreated',
					'turnMention',
					'screeningReportUpdated',
				],
				options: { fetchTurnDetails: true },
			},
		},
		forwardToSink('Forward Event', sinkUrl),
	];
	return chainedWorkflow('djTrigger0000001', 'DocJuris: turn events to a sink', nodes);
}
