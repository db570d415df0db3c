/**
 * Docketwise workflows used by the end-to-end tests and imported into the sandbox (`npm start`).
 */
import { chainedWorkflow, type CredentialRef, forwardToSink, nodeMaker } from '../workflow';

export const DOCKETWISE_CREDENTIAL = { id: 'docketwiseCred01', name: 'Docketwise sandbox' };

export function docketwiseCredentialFile(
	host: string,
	clientId: string,
	clientSecret: string,
	oauthTokenData: Record<string, unknown>,
	ref: CredentialRef = DOCKETWISE_CREDENTIAL,
	requestsPerMinute = 120,
) {
	return [
		{
			...ref,
			type: 'docketwiseOAuth2Api',
			data: {
				clientId,
				clientSecret,
				useCustomUrl: true,
				customUrl: host,
				oauthTokenData,
				requestsPerMinute,
			},
		},
	];
}

const credentials = { docketwiseOAuth2Api: DOCKETWISE_CREDENTIAL };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const node = nodeMaker('n8n-nodes-docketwise.docketwise', credentials);

/** Intake: a new client, their matter, their passport scan; then the firm's whole contact list. */
export function docketwiseOperationsWorkflow(simulatorUrl: string) {
	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		node('contact', 'Create Contact', 200, {
			resource: 'contact',
			operation: 'create',
			firstName: 'Ana',
			lastName: 'Ruiz',
			additionalFields: { email: 'ana.ruiz@client.example', lead: true },
			phoneNumbers: { phone: [{ id: 0, number: '5125550100', daytime: true }] },
		}),
		node('matter', 'Create Matter', 400, {
			resource: 'matter',
			operation: 'create',
			clientId: byId('={{ $json.id }}'),
			title: 'Ruiz – I-130',
			additionalFields: { user_ids: [1] },
		}),
		{
			id: 'fetch',
			name: 'Fetch Passport Scan',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [600, 0],
			parameters: {
				url: `${simulatorUrl}/_sim/files/passport.pdf?size=120000`,
				options: { response: { response: { responseFormat: 'file' } } },
			},
		},
		node('upload', 'Upload Document', 800, {
			resource: 'document',
			operation: 'upload',
			binaryPropertyName: 'data',
			additionalFields: {
				client_id: "={{ $('Create Contact').item.json.id }}",
				matter_id: "={{ $('Create Matter').item.json.id }}",
				title: 'Passport',
			},
		}),
		node('download', 'Download Document', 1000, {
			resource: 'document',
			operation: 'download',
			documentId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			binaryPropertyName: 'data',
		}),
		node(
			'contacts',
			'List Contacts',
			1200,
			{ resource: 'contact', operation: 'getAll', returnAll: true, simplify: true },
			{ executeOnce: true },
		),
	];
	return chainedWorkflow(
		'dwOperations0001',
		'Docketwise: intake, passport upload and contact list',
		nodes,
	);
}

/** Every new contact, once, to a sink, polling every minute (n8n's shortest interval). */
export function docketwiseTriggerWorkflow(sinkUrl: string) {
	const nodes = [
		{
			id: 'trigger',
			name: 'Docketwise Trigger',
			type: 'n8n-nodes-docketwise.docketwiseTrigger',
			typeVersion: 1,
			position: [0, 0],
			credentials,
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newContact' },
		},
		forwardToSink('Forward Contact', sinkUrl),
	];
	return chainedWorkflow('dwTrigger0000001', 'Docketwise: new contacts to a sink', nodes);
}
