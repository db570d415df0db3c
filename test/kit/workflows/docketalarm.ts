/**
 * Docket Alarm workflows used by the end-to-end tests and imported into the sandbox (`npm start`).
 */
import { chain, chainedWorkflow, type CredentialRef, forwardToSink, nodeMaker } from '../workflow';

export const DOCKET_ALARM_CREDENTIAL = { id: 'docketAlarmCred1', name: 'Docket Alarm sandbox' };

export function docketAlarmCredentialFile(
	baseUrl: string,
	username: string,
	password: string,
	extra: Record<string, unknown> = {},
	ref: CredentialRef = DOCKET_ALARM_CREDENTIAL,
) {
	return [
		{
			...ref,
			type: 'docketAlarmApi',
			data: {
				username,
				password,
				authMethod: 'loginToken',
				clientMatter: 'sandbox-matter',
				testMode: false,
				baseUrl,
				...extra,
			},
		},
	];
}

const credentials = { docketAlarmApi: DOCKET_ALARM_CREDENTIAL };

const node = nodeMaker('n8n-nodes-docket-alarm.docketAlarm', credentials);

/** New filings research: search → get each docket → download its complaint; PACER search; tracker round trip. */
export function docketAlarmOperationsWorkflow(court: string, docket: string) {
	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		node('search', 'Search Dockets', 200, {
			resource: 'search',
			operation: 'search',
			query: 'is:docket Acme',
			returnAll: false,
			limit: 2,
			options: { sort: '-date_filed' },
		}),
		node('docket', 'Get Docket', 400, {
			resource: 'docket',
			operation: 'get',
			court: { __rl: true, mode: 'name', value: '={{ $json.court }}' },
			docket: '={{ $json.docket }}',
			cached: true,
			output: 'docket',
		}),
		node('download', 'Download Complaint', 600, {
			resource: 'document',
			operation: 'download',
			link: "={{ $json.docket_report.find(entry => entry.contents === 'COMPLAINT').link }}",
			cached: false,
			binaryPropertyName: 'data',
		}),
		node(
			'pacer',
			'Search PACER',
			800,
			{
				resource: 'search',
				operation: 'searchPacer',
				partyName: 'Globex',
				returnAll: true,
				filters: { dateFiledStart: '2024-01-01' },
			},
			{ executeOnce: true },
		),
		node(
			'track',
			'Track Docket',
			1000,
			{
				resource: 'tracker',
				operation: 'create',
				trackerType: 'docket',
				court: { __rl: true, mode: 'name', value: court },
				docket,
				frequency: 'weekly',
			},
			{ executeOnce: true },
		),
		node(
			'trackers',
			'List Trackers',
			1200,
			{ resource: 'tracker', operation: 'getAll', returnAll: true },
			{ executeOnce: true },
		),
		node(
			'untrack',
			'Stop Tracking',
			1400,
			{
				resource: 'tracker',
				operation: 'disable',
				trackerType: 'docket',
				court: { __rl: true, mode: 'name', value: court },
				docket,
			},
			{ executeOnce: true },
		),
	];
	return chainedWorkflow(
		'daOperations0001',
		'Docket Alarm: dockets, complaints, PACER and trackers',
		nodes,
	);
}

/** Credentials of their own for the custom call: one that logs in (no token yet), one with Basic. */
export const CUSTOM_CALL_CREDENTIALS = {
	token: { id: 'daCustomToken001', name: 'Docket Alarm custom call' },
	basic: { id: 'daCustomBasic001', name: 'Docket Alarm custom call (Basic)' },
};

/**
 * What the editor's "Custom API Call" builds: n8n's HTTP Request node with the Docket Alarm
 * credential, for an endpoint the node does not offer (here the tracker list, as raw JSON).
 */
export function docketAlarmCustomCallWorkflow(baseUrl: string) {
	const call = (id: string, name: string, x: number, credential: { id: string; name: string }) => ({
		id,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [x, 0],
		credentials: { docketAlarmApi: credential },
		parameters: {
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'docketAlarmApi',
			url: `${baseUrl}/api/v1/track/`,
			options: {},
		},
		executeOnce: true,
	});
	return {
		id: 'daCustomCall0001',
		name: 'Docket Alarm: custom API call',
		active: false,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			call('custom', 'Custom API Call', 200, CUSTOM_CALL_CREDENTIALS.token),
			call('customBasic', 'Custom API Call (Basic)', 400, CUSTOM_CALL_CREDENTIALS.basic),
		],
		connections: chain(['Start', 'Custom API Call', 'Custom API Call (Basic)']),
		settings: { executionOrder: 'v1' },
	};
}

export const DA_TRIGGER_WEBHOOK_ID = '3c9f2a10-6a4e-4d1b-8c55-5e0d7b2f0a11';

/** New docket entries pushed by Docket Alarm, one item each, forwarded to a sink. */
export function docketAlarmTriggerWorkflow(
	sinkUrl: string,
	management: Record<string, unknown>,
	pushSecret: string,
) {
	const nodes = [
		{
			id: 'trigger',
			name: 'Docket Alarm Trigger',
			type: 'n8n-nodes-docket-alarm.docketAlarmTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: DA_TRIGGER_WEBHOOK_ID,
			credentials,
			parameters: {
				events: ['docket', 'search_results', 'new_case'],
				authentication: 'token',
				pushSecret,
				output: 'items',
				options: {},
				management,
			},
		},
		forwardToSink('Forward Entry', sinkUrl),
	];
	return chainedWorkflow('daTrigger0000001', 'Docket Alarm: new docket entries to a sink', nodes);
}
