/**
 * DocuMine workflows used by the end-to-end tests and imported into the sandbox (`npm start`).
 */
import { chainedWorkflow, type CredentialRef, forwardToSink, nodeMaker } from '../workflow';

export const DOCUMINE_CREDENTIAL = { id: 'documineCred0001', name: 'DocuMine sandbox' };

export function docuMineCredentialFile(
	url: string,
	workspaceId: string,
	clientId: string,
	username: string,
	password: string,
	ref: CredentialRef = DOCUMINE_CREDENTIAL,
) {
	return [
		{
			...ref,
			type: 'docuMineApi',
			data: { url, workspaceId, clientId, clientSecret: '', username, password, tokenUrl: '' },
		},
	];
}

const credentials = { docuMineApi: DOCUMINE_CREDENTIAL };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const where = { templateId: byId('tpl-tox'), dossierId: byId('dos-1') };

const node = nodeMaker('n8n-nodes-documine.docuMine', credentials, { authentication: 'password' });

/** Ingest: upload a study, wait for DocuMine, read its components, fetch its result package. */
export function docuMineOperationsWorkflow(simulatorUrl: string) {
	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'fetch',
			name: 'Fetch Study PDF',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [200, 0],
			parameters: {
				url: `${simulatorUrl}/_sim/pdf/study-42.pdf?size=60000`,
				options: { response: { response: { responseFormat: 'file' } } },
			},
		},
		node('upload', 'Upload File', 400, {
			resource: 'file',
			operation: 'upload',
			...where,
			binaryPropertyName: 'data',
			waitForProcessing: true,
			pollInterval: 1,
			timeout: 60,
		}),
		node('components', 'Get Components', 600, {
			resource: 'component',
			operation: 'get',
			...where,
			fileId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			format: 'json',
			flatten: true,
		}),
		node('package', 'Get Result Package', 800, {
			resource: 'resultPackage',
			operation: 'create',
			...where,
			scope: 'file',
			fileId: { __rl: true, mode: 'id', value: "={{ $('Upload File').item.json.id }}" },
			reportTemplateIds: '',
			waitAndDownload: true,
			pollInterval: 1,
			timeout: 60,
			binaryPropertyName: 'data',
		}),
		node(
			'license',
			'License Usage',
			1000,
			{ resource: 'license', operation: 'getUsage', startDate: '', endDate: '' },
			{ executeOnce: true },
		),
	];
	return chainedWorkflow(
		'dmOperations0001',
		'DocuMine: upload, wait, components and result package',
		nodes,
	);
}

/** Each file DocuMine finishes in the dossier, once, to a sink (polling every minute). */
export function docuMineTriggerWorkflow(sinkUrl: string) {
	const nodes = [
		{
			id: 'trigger',
			name: 'DocuMine Trigger',
			type: 'n8n-nodes-documine.docuMineTrigger',
			typeVersion: 1,
			position: [0, 0],
			credentials,
			parameters: {
				authentication: 'password',
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'fileProcessed',
				...where,
			},
		},
		forwardToSink('Forward File', sinkUrl),
	];
	return chainedWorkflow('dmTrigger0000001', 'DocuMine: processed files to a sink', nodes);
}
