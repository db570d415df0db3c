/**
 * The benchmark scenarios B1–B7 (issue "Benchmarks"): each runs the same job with our node and with
 * a hand-built HTTP Request workflow, and names the floor it is judged against.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { DocJurisSimulator } from '../test/kit/simulators/docjuris';
import type { DocketAlarmSimulator } from '../test/kit/simulators/docketalarm';
import type { DocketwiseSimulator } from '../test/kit/simulators/docketwise';
import type { DocuMineSimulator } from '../test/kit/simulators/documine';
import type { Measurement } from './measure';
import {
	benchId,
	httpRequest,
	ifEquals,
	noOp,
	ours,
	readFiles,
	setFields,
	splitItems,
	waitNode,
	webhookNode,
	workflow,
	type WorkflowJson,
	type CredentialRef,
} from '../test/kit/workflow';

const run = promisify(execFile);

export interface Simulators {
	docketwise: DocketwiseSimulator;
	docketAlarm: DocketAlarmSimulator;
	docJuris: DocJurisSimulator;
	docuMine: DocuMineSimulator;
}

export interface BenchSettings {
	latencyMs: number;
	/** Where large test files are written (n8n may read files here). */
	filesDir: string;
	/** Size of the large download and upload (B4), bytes. */
	largeFileBytes: number;
	/** How long DocuMine takes to process each file (B5), ms. */
	processingMs: number;
}

export type Metrics = Record<string, number>;

export interface Variant {
	key: string;
	label: string;
	kind: 'ours' | 'httpRequest' | 'floor';
	/** The workflow for run `run` and the credentials it uses (fresh ones per run: no token or pacing carries over). */
	build?(run: number): { workflow: WorkflowJson; credentials: unknown[] };
	/** For floors measured outside n8n: does the job directly and returns its metrics. */
	direct?(run: number): Promise<Metrics>;
}

export interface Scenario {
	id: string;
	title: string;
	/** Each metric: its label, unit, and whether less is better (all of ours are). */
	metrics: Record<string, { label: string; unit: string }>;
	variants: Variant[];
	/** Known floors (besides measured floor variants). */
	floors?: Metrics;
	/** A goal stated by the issue (e.g. RSS growth under 100 MB). */
	goals?: Record<string, { max: number; text: string }>;
	setup?(): Promise<void>;
	teardown?(): Promise<void>;
	/** Before every run of every variant (e.g. flushing the disk cache the last run filled). */
	beforeEachRun?(): Promise<void>;
	body(run: number): unknown;
	/** Counters read before and after a run; metrics see the difference. */
	counters(): Metrics;
	metricsOf(measurement: Measurement, delta: Metrics, variant: Variant): Metrics;
}

const credentialRef = (scenario: string, variant: string, run: number, vendor: string): CredentialRef => ({
	id: benchId('c', scenario, variant, run),
	name: `Bench ${scenario} ${variant} run ${run} (${vendor})`,
});

export const workflowId = (scenario: string, variant: string, run: number) => benchId('w', scenario, variant, run);
export const webhookPath = (scenario: string, variant: string, run: number) => `bench-${scenario}-${variant}-${run}`.toLowerCase();

/** The node whose work a scenario measures is named the same in every variant. */
export const MEASURED = 'Measured';

function nodeRun(measurement: Measurement, name = MEASURED) {
	const run = measurement.nodes[name];
	if (!run) throw new Error(`node "${name}" did not run (${measurement.error ?? measurement.status})`);
	return run;
}

export function scenarios(sims: Simulators, settings: BenchSettings): Scenario[] {
	const { docketwise, docketAlarm, docJuris, docuMine } = sims;
	const latency = settings.latencyMs;

	// ---- credentials, fresh per variant and run ----
	const docketwiseOurs = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'Docketwise');
		const data = { clientId: docketwise.clientId, clientSecret: docketwise.clientSecret, useCustomUrl: true, customUrl: docketwise.url, oauthTokenData: docketwise.issueTokens() };
		return { ref, credential: { ...ref, type: 'docketwiseOAuth2Api', data } };
	};
	const docketwiseGeneric = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'OAuth2');
		const data = {
			grantType: 'authorizationCode',
			authUrl: `${docketwise.url}/oauth/authorize`,
			accessTokenUrl: `${docketwise.url}/oauth/token`,
			clientId: docketwise.clientId,
			clientSecret: docketwise.clientSecret,
			scope: 'public write',
			authQueryParameters: '',
			authentication: 'body',
			oauthTokenData: docketwise.issueTokens(),
		};
		return { ref, credential: { ...ref, type: 'oAuth2Api', data } };
	};
	const docketAlarmOurs = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'Docket Alarm');
		const data = { username: docketAlarm.username, password: docketAlarm.password, authMethod: 'loginToken', clientMatter: 'bench', testMode: false, baseUrl: docketAlarm.url };
		return { ref, credential: { ...ref, type: 'docketAlarmApi', data } };
	};
	const docJurisOurs = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'DocJuris');
		return { ref, credential: { ...ref, type: 'docJurisApi', data: { accountId: docJuris.accountId, apiKey: docJuris.apiKey, baseUrl: docJuris.apiBaseUrl } } };
	};
	const basicAuth = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'Basic');
		return { ref, credential: { ...ref, type: 'httpBasicAuth', data: { user: docJuris.accountId, password: docJuris.apiKey } } };
	};
	const docuMineOurs = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'DocuMine');
		const data = { url: docuMine.url, workspaceId: docuMine.workspaceId, clientId: docuMine.clientId, clientSecret: '', username: docuMine.username, password: docuMine.password, tokenUrl: '' };
		return { ref, credential: { ...ref, type: 'docuMineApi', data } };
	};

	const docketwiseNode = (ref: CredentialRef, parameters: Record<string, unknown>, extra = {}) =>
		ours(MEASURED, 'n8n-nodes-docketwise.docketwise', 'docketwiseOAuth2Api', ref, parameters, extra);
	const docketAlarmNode = (ref: CredentialRef, parameters: Record<string, unknown>, extra = {}) =>
		ours(MEASURED, 'n8n-nodes-docket-alarm.docketAlarm', 'docketAlarmApi', ref, parameters, extra);
	const docJurisNode = (ref: CredentialRef, parameters: Record<string, unknown>, extra = {}) => ours(MEASURED, 'n8n-nodes-docjuris.docJuris', 'docJurisApi', ref, parameters, extra);
	const docuMineNode = (ref: CredentialRef, parameters: Record<string, unknown>) =>
		ours(MEASURED, 'n8n-nodes-documine.docuMine', 'docuMineApi', ref, { authentication: 'password', ...parameters });

	// A hand-built Docket Alarm login: once per run, its token then used by every request.
	const docketAlarmLogin = () =>
		httpRequest('Login', {
			method: 'POST',
			url: `${docketAlarm.url}/api/v1/login/`,
			form: [
				{ name: 'username', value: docketAlarm.username },
				{ name: 'password', value: docketAlarm.password },
			],
		});
	const docuMineToken = () =>
		httpRequest('Get Token', {
			method: 'POST',
			url: `${docuMine.url}/auth/realms/${docuMine.workspaceId}/protocol/openid-connect/token`,
			form: [
				{ name: 'grant_type', value: 'password' },
				{ name: 'client_id', value: docuMine.clientId },
				{ name: 'username', value: docuMine.username },
				{ name: 'password', value: docuMine.password },
			],
		});
	const docuMineHeaders = [
		{ name: 'Authorization', value: "=Bearer {{ $('Get Token').first().json.access_token }}" },
		{ name: 'X-TENANT-ID', value: docuMine.workspaceId },
	];

	const variant = (scenario: string, key: string, label: string, kind: Variant['kind'], build: (run: number, hook: string) => { nodes: WorkflowJson['nodes']; links?: Array<[string, number, string]>; credentials: unknown[] }): Variant => ({
		key,
		label,
		kind,
		build(run) {
			const { nodes, links, credentials } = build(run, webhookPath(scenario, key, run));
			return { workflow: workflow(workflowId(scenario, key, run), `Bench ${scenario}: ${label} (run ${run})`, nodes, links), credentials };
		},
	});

	const CONTACTS = 10_000;
	const SINGLE_GETS = 300;
	const DOCKETS = 500;
	const FILES = 100;
	const CHEAP_ITEMS = 10_000;
	const SEARCH_RESULTS = 5_000;
	const contactIds = (count: number) => docketwise.tables.contacts.slice(0, count).map((row) => ({ id: row.id }));
	const requests = (sim: { apiRequests: number }) => ({ requests: sim.apiRequests });
	const wall = (measurement: Measurement) => measurement.workMs;

	const b4Download = path.join(settings.filesDir, 'download-floor.bin');
	const b4Upload = path.join(settings.filesDir, 'large-turn.docx');
	const b5Files = path.join(settings.filesDir, 'studies');
	let contractId = '';
	let cheapContract = '';

	return [
		{
			id: 'B1',
			title: `Docketwise "Return All" of ${CONTACTS.toLocaleString('en-US')} contacts`,
			metrics: { requests: { label: 'requests', unit: '' }, wallMs: { label: 'wall time', unit: 'ms' }, rssGrowthMb: { label: 'peak memory growth', unit: 'MB' } },
			// Fewest requests at 200 a page; fastest: the first page, then all the others at once.
			floors: { requests: Math.ceil(CONTACTS / 200), wallMs: 2 * latency },
			body: () => ({}),
			counters: () => requests(docketwise),
			metricsOf: (measurement, delta) => ({ requests: delta.requests, wallMs: wall(measurement), rssGrowthMb: measurement.rssGrowthMb, items: nodeRun(measurement).itemsAllRuns }),
			variants: [
				variant('B1', 'ours', 'Docketwise node', 'ours', (run, hook) => {
					const { ref, credential } = docketwiseOurs('B1', 'ours', run);
					return { nodes: [webhookNode(hook), docketwiseNode(ref, { resource: 'contact', operation: 'getAll', returnAll: true, simplify: false })], credentials: [credential] };
				}),
				variant('B1', 'http', 'HTTP Request node', 'httpRequest', (run, hook) => {
					const { ref, credential } = docketwiseGeneric('B1', 'http', run);
					const pagination = {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
						paginationCompleteWhen: 'responseIsEmpty',
						limitPagesFetched: false,
						requestInterval: 0,
					};
					const request = httpRequest(MEASURED, { url: `${docketwise.url}/api/v1/contacts`, credential: { type: 'oAuth2Api', ref }, pagination });
					return { nodes: [webhookNode(hook), request], credentials: [credential] };
				}),
			],
		},
		{
			id: 'B2',
			title: `Docketwise ${SINGLE_GETS} single gets under the 120 requests/minute limit`,
			metrics: { failedItems: { label: 'failed items', unit: '' }, wallMs: { label: 'wall time', unit: 'ms' }, requests: { label: 'requests', unit: '' } },
			// 120 a minute, sliding: the last batch can start only once the window has moved on twice.
			floors: { failedItems: 0, wallMs: Math.floor((SINGLE_GETS - 1) / 120) * 60_000 + latency, requests: SINGLE_GETS },
			body: () => ({ items: contactIds(SINGLE_GETS) }),
			counters: () => ({ ...requests(docketwise), throttled: docketwise.throttled }),
			metricsOf: (measurement, delta) => {
				const run = nodeRun(measurement);
				return { failedItems: run.errorItems + (SINGLE_GETS - run.items), wallMs: wall(measurement), requests: delta.requests, throttled: delta.throttled };
			},
			variants: [
				variant('B2', 'ours', 'Docketwise node', 'ours', (run, hook) => {
					const { ref, credential } = docketwiseOurs('B2', 'ours', run);
					const get = docketwiseNode(ref, { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, simplify: true }, { onError: 'continueRegularOutput' });
					return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
				}),
				variant('B2', 'http', 'HTTP Request node (retry on fail)', 'httpRequest', (run, hook) => {
					const { ref, credential } = docketwiseGeneric('B2', 'http', run);
					const get = httpRequest(MEASURED, {
						url: `=${docketwise.url}/api/v1/contacts/{{ $json.id }}`,
						credential: { type: 'oAuth2Api', ref },
						settings: { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000, onError: 'continueRegularOutput' },
					});
					return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
				}),
			],
		},
		{
			id: 'B3',
			title: `Docket Alarm ${DOCKETS} "getdocket" items`,
			metrics: { logins: { label: 'login calls', unit: '' }, requests: { label: 'requests', unit: '' }, wallMs: { label: 'wall time', unit: 'ms' } },
			floors: { logins: 1, requests: DOCKETS + 1 },
			body: () => ({
				items: Array.from({ length: DOCKETS }, (_, index) => ({
					court: (index + 1) % 2 ? 'Texas Eastern District Court' : 'California Northern District Court',
					docket: `2:24-cv-${String(index + 1).padStart(5, '0')}`,
				})),
			}),
			counters: () => ({ ...requests(docketAlarm), logins: docketAlarm.logins }),
			metricsOf: (measurement, delta) => {
				const run = nodeRun(measurement);
				return { logins: delta.logins, requests: delta.requests, wallMs: wall(measurement), failedItems: run.errorItems + (DOCKETS - run.items) };
			},
			variants: [
				variant('B3', 'ours', 'Docket Alarm node', 'ours', (run, hook) => {
					const { ref, credential } = docketAlarmOurs('B3', 'ours', run);
					const get = docketAlarmNode(ref, { resource: 'docket', operation: 'get', court: { __rl: true, mode: 'name', value: '={{ $json.court }}' }, docket: '={{ $json.docket }}', cached: true, output: 'docket' });
					return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
				}),
				variant('B3', 'http', 'HTTP Request node (login once)', 'httpRequest', (_run, hook) => {
					const get = httpRequest(MEASURED, {
						url: `${docketAlarm.url}/api/v1/getdocket/`,
						query: [
							// Split Out keeps each entry under its field's name when it carries other fields along.
							{ name: 'court', value: '={{ $json.items.court }}' },
							{ name: 'docket', value: '={{ $json.items.docket }}' },
							{ name: 'cached', value: 'true' },
							{ name: 'login_token', value: '={{ $json.login_token }}' },
						],
					});
					const withToken = setFields('Items With Token', [
						{ name: 'items', value: "={{ $('Webhook').first().json.body.items }}", type: 'array' },
						{ name: 'login_token', value: '={{ $json.login_token }}', type: 'string' },
					]);
					return { nodes: [webhookNode(hook), docketAlarmLogin(), withToken, splitItems('items', 'allOtherFields'), get], credentials: [] };
				}),
			],
		},
		{
			id: 'B4a',
			title: `Download of a ${(settings.largeFileBytes / 2 ** 30).toFixed(0)} GiB Docket Alarm PDF (filesystem binary mode)`,
			metrics: { rssGrowthMb: { label: 'peak RSS growth', unit: 'MB' }, wallMs: { label: 'wall time', unit: 'ms' } },
			goals: { rssGrowthMb: { max: 100, text: 'under 100 MB' } },
			setup: async () => {
				docketAlarm.documentBytes = settings.largeFileBytes;
			},
			beforeEachRun: flushDisk,
			teardown: async () => {
				docketAlarm.documentBytes = 50_000;
			},
			body: () => ({}),
			counters: () => requests(docketAlarm),
			metricsOf: (measurement) => {
				nodeRun(measurement);
				return { rssGrowthMb: measurement.rssGrowthMb, wallMs: wall(measurement) };
			},
			variants: [
				variant('B4a', 'ours', 'Docket Alarm node', 'ours', (run, hook) => {
					const { ref, credential } = docketAlarmOurs('B4a', 'ours', run);
					const download = docketAlarmNode(ref, { resource: 'document', operation: 'download', link: `${docketAlarm.url}/cases/bench/1.pdf`, cached: false, binaryPropertyName: 'data' });
					return { nodes: [webhookNode(hook), download], credentials: [credential] };
				}),
				variant('B4a', 'http', 'HTTP Request node', 'httpRequest', (_run, hook) => {
					const download = httpRequest(MEASURED, {
						url: `${docketAlarm.url}/cases/bench/1.pdf`,
						query: [{ name: 'login_token', value: '={{ $json.login_token }}' }],
						responseFormat: 'file',
					});
					return { nodes: [webhookNode(hook), docketAlarmLogin(), download], credentials: [] };
				}),
				{
					key: 'floor',
					label: 'raw socket copy to disk (curl)',
					kind: 'floor',
					direct: async () => {
						const started = performance.now();
						await curl(['-o', b4Download, `${docketAlarm.url}/cases/bench/1.pdf?login_token=${docketAlarm.issueToken()}`]);
						return { wallMs: performance.now() - started, rssGrowthMb: 0 };
					},
				},
			],
		},
		{
			id: 'B4b',
			title: `Upload of a ${(settings.largeFileBytes / 2 ** 30).toFixed(0)} GiB DocJuris turn (filesystem binary mode)`,
			metrics: { rssGrowthMb: { label: 'peak RSS growth', unit: 'MB' }, wallMs: { label: 'wall time', unit: 'ms' } },
			goals: { rssGrowthMb: { max: 100, text: 'under 100 MB' } },
			beforeEachRun: flushDisk,
			setup: async () => {
				await writeLargeFile(b4Upload, settings.largeFileBytes);
				contractId = docJuris.seedContract('Bench Large Turn').id;
			},
			body: () => ({ contractId, currentTurnId: docJuris.latestTurnId(contractId) }),
			counters: () => requests(docJuris),
			metricsOf: (measurement) => {
				const run = nodeRun(measurement);
				if (run.errorItems) throw new Error(`the upload failed: ${measurement.error ?? 'see the execution'}`);
				return { rssGrowthMb: measurement.rssGrowthMb, wallMs: wall(measurement) };
			},
			variants: [
				variant('B4b', 'ours', 'DocJuris node', 'ours', (run, hook) => {
					const { ref, credential } = docJurisOurs('B4b', 'ours', run);
					const upload = docJurisNode(ref, {
						resource: 'turn',
						operation: 'create',
						contractId: { __rl: true, mode: 'id', value: "={{ $('Webhook').first().json.body.contractId }}" },
						binaryPropertyName: 'data',
						additionalFields: {},
					});
					return { nodes: [webhookNode(hook), readFiles(b4Upload), upload], credentials: [credential] };
				}),
				variant('B4b', 'http', 'HTTP Request node', 'httpRequest', (run, hook) => {
					const { ref, credential } = basicAuth('B4b', 'http', run);
					const upload = httpRequest(MEASURED, {
						method: 'POST',
						url: `=${docJuris.apiBaseUrl}/contracts/{{ $('Webhook').first().json.body.contractId }}/turns`,
						credential: { type: 'httpBasicAuth', ref },
						multipart: { fields: [{ name: 'currentTurnId', value: "={{ $('Webhook').first().json.body.currentTurnId }}" }], files: [{ name: 'file', binaryProperty: 'data' }] },
					});
					return { nodes: [webhookNode(hook), readFiles(b4Upload), upload], credentials: [credential] };
				}),
				{
					key: 'floor',
					label: 'raw socket copy from disk (curl)',
					kind: 'floor',
					direct: async () => {
						const started = performance.now();
						const url = `${docJuris.apiBaseUrl}/contracts/${contractId}/turns`;
						await curl(['-o', '/dev/null', '--netrc-file', netrc(docJuris), '-F', `currentTurnId=${docJuris.latestTurnId(contractId)}`, '-F', `file=@${b4Upload}`, url]);
						return { wallMs: performance.now() - started, rssGrowthMb: 0 };
					},
				},
			],
		},
		{
			id: 'B5',
			title: `DocuMine upload and wait for ${FILES} files taking ${settings.processingMs / 1000} s each`,
			metrics: { requestsPerFile: { label: 'requests per file', unit: '' }, wallMs: { label: 'wall time', unit: 'ms' } },
			// One upload per file and one read of the dossier's file list; nothing finishes before its processing time.
			floors: { requestsPerFile: 1 + 1 / FILES, wallMs: settings.processingMs },
			setup: async () => {
				docuMine.processingMs = settings.processingMs;
				mkdirSync(b5Files, { recursive: true });
				for (let index = 1; index <= FILES; index++) writeFileSync(path.join(b5Files, `study-${String(index).padStart(3, '0')}.pdf`), `%PDF-1.7\nstudy ${index}\n${'x'.repeat(20_000)}`);
			},
			body: () => ({}),
			counters: () => ({ ...requests(docuMine), logins: docuMine.logins }),
			metricsOf: (measurement, delta, variant) => {
				// The hand-built loop ends in "Done" once per round; ours outputs every file at once.
				const finished = variant.kind === 'ours' ? nodeRun(measurement).items - nodeRun(measurement).errorItems : (measurement.nodes.Done?.itemsAllRuns ?? 0);
				return { requestsPerFile: (delta.requests - delta.logins) / FILES, wallMs: wall(measurement), unfinishedFiles: FILES - finished };
			},
			variants: [
				variant('B5', 'ours', 'DocuMine node', 'ours', (run, hook) => {
					const { ref, credential } = docuMineOurs('B5', 'ours', run);
					const upload = docuMineNode(ref, {
						resource: 'file',
						operation: 'upload',
						templateId: { __rl: true, mode: 'id', value: 'tpl-tox' },
						dossierId: { __rl: true, mode: 'id', value: 'dos-1' },
						binaryPropertyName: 'data',
						waitForProcessing: true,
						pollInterval: 5,
						timeout: 600,
					});
					return { nodes: [webhookNode(hook), readFiles(`${b5Files}/*.pdf`), upload], credentials: [credential] };
				}),
				variant('B5', 'http', 'HTTP Request node + Wait/If loop', 'httpRequest', (_run, hook) => {
					const files = `${docuMine.url}/api/dossier-templates/tpl-tox/dossiers/dos-1/files`;
					const upload = httpRequest(MEASURED, { method: 'POST', url: files, headers: docuMineHeaders, multipart: { files: [{ name: 'file', binaryProperty: 'data' }] } });
					const status = httpRequest('Get Status', { url: `=${files}/{{ $json.id }}`, headers: docuMineHeaders });
					const nodes = [webhookNode(hook), docuMineToken(), readFiles(`${b5Files}/*.pdf`), upload, waitNode('Wait', 5), status, ifEquals('Processed?', '={{ $json.processingStatus }}', 'PROCESSED'), noOp('Done')];
					return { nodes, links: [['Processed?', 1, 'Wait']], credentials: [] };
				}),
			],
		},
		{
			id: 'B6',
			title: `${CHEAP_ITEMS.toLocaleString('en-US')} cheap items (DocJuris get contract, no latency)`,
			metrics: { perItemUs: { label: 'per-item time', unit: 'µs' }, wallMs: { label: 'wall time', unit: 'ms' } },
			setup: async () => {
				cheapContract = docJuris.seedContract('Bench Cheap Contract').id;
				for (const sim of [docketwise, docketAlarm, docJuris, docuMine]) sim.latencyMs = 0;
			},
			teardown: async () => {
				for (const sim of [docketwise, docketAlarm, docJuris, docuMine]) sim.latencyMs = latency;
			},
			body: () => ({ items: Array.from({ length: CHEAP_ITEMS }, () => ({ id: cheapContract })) }),
			counters: () => requests(docJuris),
			metricsOf: (measurement) => {
				const run = nodeRun(measurement);
				return { perItemUs: (run.executionMs * 1000) / CHEAP_ITEMS, wallMs: wall(measurement), failedItems: run.errorItems + (CHEAP_ITEMS - run.items), databaseOutage: Number(measurement.databaseOutage) };
			},
			variants: [
				variant('B6', 'ours', 'DocJuris node', 'ours', (run, hook) => {
					const { ref, credential } = docJurisOurs('B6', 'ours', run);
					const get = docJurisNode(ref, { resource: 'contract', operation: 'get', contractId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } });
					return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
				}),
				variant('B6', 'http', 'HTTP Request node', 'httpRequest', (run, hook) => {
					const { ref, credential } = basicAuth('B6', 'http', run);
					const get = httpRequest(MEASURED, { url: `=${docJuris.apiBaseUrl}/contracts/{{ $json.id }}`, credential: { type: 'httpBasicAuth', ref } });
					return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
				}),
			],
		},
		{
			id: 'B7',
			title: `Docket Alarm search "Return All" of ${SEARCH_RESULTS.toLocaleString('en-US')} results`,
			metrics: { requests: { label: 'requests', unit: '' }, wallMs: { label: 'wall time', unit: 'ms' } },
			floors: { requests: Math.ceil(SEARCH_RESULTS / 50) + 1 },
			body: () => ({}),
			counters: () => requests(docketAlarm),
			metricsOf: (measurement, delta) => {
				const results = measurement.nodes['Split Results']?.items ?? nodeRun(measurement).items;
				return { requests: delta.requests, wallMs: wall(measurement), missingResults: SEARCH_RESULTS - results };
			},
			variants: [
				...[1, 5].map((bins) =>
					variant('B7', `ours${bins}`, `Docket Alarm node, ${bins} scroll bin${bins > 1 ? 's' : ''}`, 'ours', (run, hook) => {
						const { ref, credential } = docketAlarmOurs('B7', `ours${bins}`, run);
						const search = docketAlarmNode(ref, { resource: 'search', operation: 'search', query: 'Party', returnAll: true, options: { parallelBins: bins } });
						return { nodes: [webhookNode(hook), search], credentials: [credential] };
					}),
				),
				variant('B7', 'http', 'HTTP Request node (scroll pagination)', 'httpRequest', (_run, hook) => {
					const pagination = {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: 'scroll', value: '={{ $response.body.scroll }}' }] },
						paginationCompleteWhen: 'other',
						completeExpression: '={{ $response.body.search_results.length < 50 }}',
						limitPagesFetched: false,
						requestInterval: 0,
					};
					const search = httpRequest(MEASURED, {
						url: `${docketAlarm.url}/api/v1/search/`,
						query: [
							{ name: 'q', value: 'Party' },
							{ name: 'limit', value: '50' },
							{ name: 'scroll_parallel', value: '1' },
							{ name: 'scroll_index', value: '0' },
							{ name: 'login_token', value: '={{ $json.login_token }}' },
						],
						pagination,
					});
					const split = splitItems('search_results');
					split.name = 'Split Results';
					return { nodes: [webhookNode(hook), docketAlarmLogin(), search, split], credentials: [] };
				}),
			],
		},
	];
}

/** Writes a file of `size` bytes (a repeated pattern) without holding it in memory. */
async function writeLargeFile(file: string, size: number): Promise<void> {
	const chunk = Buffer.alloc(1 << 20, 'legal-tech bench ');
	chunk.write('PK\u0003\u0004', 0, 'latin1');
	const out = createWriteStream(file);
	for (let written = 0; written < size; written += chunk.length) {
		const part = written + chunk.length <= size ? chunk : chunk.subarray(0, size - written);
		if (!out.write(part)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
	}
	await new Promise<void>((resolve, reject) => out.on('error', reject).end(() => resolve()));
}

/** Writes out what the last gigabyte left in the page cache, so each run starts with a clean disk. */
async function flushDisk(): Promise<void> {
	await run('sync', []);
}

/** Runs curl (a separate process, like n8n): the plain socket copy a node's transfer is judged against. */
async function curl(args: string[]): Promise<void> {
	await run('curl', ['--silent', '--show-error', '--fail', ...args], { maxBuffer: 1 << 20 });
}

/** Basic credentials for curl in a file, so they appear in no process list. */
function netrc(sim: DocJurisSimulator): string {
	const file = path.join(tmpdir(), `bench-netrc-${process.pid}`);
	writeFileSync(file, `machine 127.0.0.1 login ${sim.accountId} password ${sim.apiKey}\n`, { mode: 0o600 });
	return file;
}
