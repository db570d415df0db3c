/**
 * The workflows the hard cases drive per vendor: a read and a create, each behind a webhook that
 * answers with every output item, with Continue On Fail on so each input item yields one output.
 */
import {
	httpRequest,
	ours,
	splitItems,
	webhookNode,
	workflow,
	type WorkflowNode,
	type WorkflowJson,
} from '../kit/workflow';
import type { LocalServer } from '../kit/simulators/localServer';
import { credentialRefs, SECRETS, type HardStack } from './harness';

export type Json = Record<string, unknown>;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byName = (value: string) => ({ __rl: true, mode: 'name', value });

/** A webhook that answers with every item of the last node, and its items split out of the body. */
export function probeWorkflow(id: string, path: string, nodes: WorkflowNode[]): WorkflowJson {
	const hook = webhookNode(path);
	hook.parameters.responseData = 'allEntries';
	return workflow(id, `Hard: ${path}`, [hook, splitItems(), ...nodes]);
}

/**
 * The Options → Timeout (seconds) of every probe node: a stalled vendor is given up after this
 * rather than after the 60 s default (120 s for uploads), with room for a loaded 2-core machine.
 */
export const PROBE_TIMEOUT_S = 10;

function vendorNode(
	name: string,
	type: string,
	credentialType: keyof typeof credentialRefs,
	parameters: Json,
): WorkflowNode {
	const withTimeout = {
		...parameters,
		options: { ...((parameters.options as Json) ?? {}), timeout: PROBE_TIMEOUT_S },
	};
	return ours(name, type, credentialType, credentialRefs[credentialType], withTimeout, {
		onError: 'continueRegularOutput',
	});
}

/** Fetches a fixture file from a simulator's test controls (never faulted), as a user's file source. */
function fetchFile(url: string): WorkflowNode {
	return httpRequest('Fetch File', { url, responseFormat: 'file' });
}

export interface Probe {
	vendor: string;
	server: LocalServer;
	read: {
		/** Matches every read call, and the read of one record. */
		match: RegExp;
		matchOne(key: string): RegExp;
		items(): Json[];
		/** The record an output item is about (to check order). */
		keyOf(json: Json): string;
		keyOfInput(input: Json): string;
		node: WorkflowNode;
	};
	create: {
		match: RegExp;
		nodes: WorkflowNode[];
		items(tag: string): Json[];
		/** Records the vendor holds for an input item. */
		records(input: Json): number;
		/** The vendor treats the call as an upsert: re-sending is harmless and expected. */
		idempotent?: boolean;
		/** Creates of several items go side by side (any item may be the second to arrive). */
		parallel?: boolean;
	};
}

export function probes(stack: HardStack): Probe[] {
	const { docJuris, docketAlarm, docketwise, docuMine } = stack.sims;
	const contracts = ['Alpha NDA', 'Beta MSA', 'Gamma SOW'].map((name) =>
		docJuris.seedContract(name),
	);
	const files = ['a.pdf', 'b.pdf', 'c.pdf'].map((name) => docuMine.addProcessedFile('dos-1', name));
	const dockets = docketAlarm.cases.slice(0, 3);
	const where = { templateId: byId('tpl-tox'), dossierId: byId('dos-1') };
	return [
		{
			vendor: 'Docketwise',
			server: docketwise,
			read: {
				match: /^GET \/api\/v1\/contacts\/\d+/,
				matchOne: (key) => new RegExp(`^GET /api/v1/contacts/${key}\\b`),
				items: () => docketwise.tables.contacts.slice(0, 3).map((row) => ({ id: row.id })),
				keyOf: (json) => String(json.id),
				keyOfInput: (input) => String(input.id),
				node: vendorNode('Read', 'n8n-nodes-docketwise.docketwise', 'docketwiseOAuth2Api', {
					resource: 'contact',
					operation: 'get',
					contactId: byId('={{ $json.id }}'),
				}),
			},
			create: {
				match: /^POST \/api\/v1\/contacts/,
				nodes: [
					vendorNode('Create', 'n8n-nodes-docketwise.docketwise', 'docketwiseOAuth2Api', {
						resource: 'contact',
						operation: 'create',
						firstName: '={{ $json.name }}',
						lastName: 'Hard',
						additionalFields: {},
					}),
				],
				items: (tag) => [1, 2, 3].map((n) => ({ name: `${tag}-${n}` })),
				records: (input) =>
					docketwise.tables.contacts.filter((row) => row.first_name === input.name).length,
			},
		},
		{
			vendor: 'DocJuris',
			server: docJuris,
			read: {
				match: /^GET \/v1\/contracts\/[^/?]+(\?|$)/,
				matchOne: (key) => new RegExp(`^GET /v1/contracts/${key}(\\?|$)`, 'i'),
				items: () => contracts.map((contract) => ({ id: contract.id })),
				keyOf: (json) => String(json.id).toLowerCase(),
				keyOfInput: (input) => String(input.id).toLowerCase(),
				node: vendorNode('Read', 'n8n-nodes-docjuris.docJuris', 'docJurisApi', {
					resource: 'contract',
					operation: 'get',
					contractId: byId('={{ $json.id }}'),
				}),
			},
			create: {
				match: /^POST \/v1\/contracts(\?|$)/,
				nodes: [
					fetchFile(`={{ '${docJuris.url}/_sim/files/' + $json.name + '.docx?size=3000' }}`),
					vendorNode('Create', 'n8n-nodes-docjuris.docJuris', 'docJurisApi', {
						resource: 'contract',
						operation: 'create',
						binaryPropertyName: 'data',
						contractType: 1,
						counterParty: byName('Company A'),
						additionalFields: {
							name: "={{ $('Split Items').item.json.name }}",
							documentPassword: SECRETS.documentPassword,
						},
					}),
				],
				items: (tag) => [1, 2, 3].map((n) => ({ name: `${tag}-${n}` })),
				records: (input) =>
					[...docJuris.contracts.values()].filter((contract) => contract.name === input.name)
						.length,
			},
		},
		{
			vendor: 'DocuMine',
			server: docuMine,
			read: {
				match: /^GET \/api\/dossier-templates\/[^/]+\/dossiers\/[^/]+\/files\/[^/?]+(\?|$)/,
				matchOne: (key) =>
					new RegExp(`^GET /api/dossier-templates/[^/]+/dossiers/[^/]+/files/${key}(\\?|$)`),
				items: () => files.map((file) => ({ id: file.id })),
				keyOf: (json) => String(json.id ?? json.fileId),
				keyOfInput: (input) => String(input.id),
				node: vendorNode('Read', 'n8n-nodes-documine.docuMine', 'docuMineApi', {
					authentication: 'password',
					resource: 'file',
					operation: 'get',
					...where,
					fileId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				}),
			},
			create: {
				match: /^POST \/api\/dossier-templates\/[^/]+\/dossiers\/[^/]+\/files/,
				nodes: [
					fetchFile(`={{ '${docuMine.url}/_sim/pdf/' + $json.name + '.pdf?size=3000' }}`),
					vendorNode('Create', 'n8n-nodes-documine.docuMine', 'docuMineApi', {
						authentication: 'password',
						resource: 'file',
						operation: 'upload',
						...where,
						binaryPropertyName: 'data',
						waitForProcessing: false,
					}),
				],
				items: (tag) => [1, 2, 3].map((n) => ({ name: `${tag}-${n}` })),
				records: (input) =>
					[...docuMine.files.values()].filter(
						(file) => file.filename === `${String(input.name)}.pdf`,
					).length,
				parallel: true,
			},
		},
		{
			vendor: 'Docket Alarm',
			server: docketAlarm,
			read: {
				match: /^GET \/api\/v1\/getdocket\//,
				matchOne: (key) =>
					new RegExp(`^GET /api/v1/getdocket/\\?.*docket=${encodeURIComponent(key)}`),
				items: () => dockets.map(({ court, docket }) => ({ court, docket })),
				keyOf: (json) => String(json.docket),
				keyOfInput: (input) => String(input.docket),
				node: vendorNode('Read', 'n8n-nodes-docket-alarm.docketAlarm', 'docketAlarmApi', {
					resource: 'docket',
					operation: 'get',
					court: byName('={{ $json.court }}'),
					docket: '={{ $json.docket }}',
					cached: true,
					output: 'docket',
				}),
			},
			create: {
				match: /^POST \/api\/v1\/track\//,
				nodes: [
					vendorNode('Create', 'n8n-nodes-docket-alarm.docketAlarm', 'docketAlarmApi', {
						resource: 'tracker',
						operation: 'create',
						trackerType: 'docket',
						court: byName('={{ $json.court }}'),
						docket: '={{ $json.docket }}',
						frequency: 'weekly',
					}),
				],
				items: () => dockets.map(({ court, docket }) => ({ court, docket })),
				records: (input) =>
					docketAlarm.trackers.filter(
						(tracker) => tracker.docket === input.docket && tracker.enabled,
					).length,
				idempotent: true,
			},
		},
	];
}

export const slug = (vendor: string) => vendor.toLowerCase().replace(/\s+/g, '-');

/** The read and create workflows of every probe, with their webhook paths hard-<vendor>-read|create. */
export function probeWorkflows(all: Probe[]): WorkflowJson[] {
	const id = (kind: string, vendor: string) =>
		`hard${kind}${slug(vendor).replace(/-/g, '')}`.padEnd(16, '0').slice(0, 16);
	return all.flatMap((probe) => [
		probeWorkflow(id('Read', probe.vendor), `hard-${slug(probe.vendor)}-read`, [probe.read.node]),
		probeWorkflow(
			id('Make', probe.vendor),
			`hard-${slug(probe.vendor)}-create`,
			probe.create.nodes,
		),
	]);
}

/** An e2e workflow started by a webhook instead of by hand (a server can run it while it serves others). */
export function asWebhookWorkflow(source: WorkflowJson): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(source)) as WorkflowJson;
	const start = copy.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
	const hook = webhookNode(`hard-e2e-${copy.id.toLowerCase()}`);
	Object.assign(start, {
		type: hook.type,
		typeVersion: hook.typeVersion,
		webhookId: hook.webhookId,
		parameters: { ...hook.parameters, responseData: 'firstEntryJson' },
	});
	return copy;
}
