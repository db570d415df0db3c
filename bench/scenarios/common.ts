/**
 * What every benchmark scenario is made of: the scenario and variant types, the credentials and
 * nodes of each side (ours and the hand-built HTTP Request workflow), and file helpers.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { Simulators } from '../../test/kit/credentials';
import type { DocJurisSimulator } from '../../test/kit/simulators/docjuris';
import { docJurisCredentialFile } from '../../test/kit/workflows/docjuris';
import { docketAlarmCredentialFile } from '../../test/kit/workflows/docketalarm';
import { docketwiseCredentialFile } from '../../test/kit/workflows/docketwise';
import { docuMineCredentialFile } from '../../test/kit/workflows/documine';
import type { Measurement } from '../measure';
import {
	benchId,
	httpRequest,
	ours,
	workflow,
	type WorkflowJson,
	type CredentialRef,
} from '../../test/kit/workflow';

const run = promisify(execFile);

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

export const credentialRef = (
	scenario: string,
	variant: string,
	run: number,
	vendor: string,
): CredentialRef => ({
	id: benchId('c', scenario, variant, run),
	name: `Bench ${scenario} ${variant} run ${run} (${vendor})`,
});

export const workflowId = (scenario: string, variant: string, run: number) =>
	benchId('w', scenario, variant, run);
export const webhookPath = (scenario: string, variant: string, run: number) =>
	`bench-${scenario}-${variant}-${run}`.toLowerCase();

/** The node whose work a scenario measures is named the same in every variant. */
export const MEASURED = 'Measured';

export function nodeRun(measurement: Measurement, name = MEASURED) {
	const run = measurement.nodes[name];
	if (!run)
		throw new Error(`node "${name}" did not run (${measurement.error ?? measurement.status})`);
	return run;
}

/** What the scenarios share: the simulators, the settings, fresh credentials, node makers, sizes. */
export type { Simulators };

export function benchKit(sims: Simulators, settings: BenchSettings) {
	const { docketwise, docketAlarm, docJuris, docuMine } = sims;
	const latency = settings.latencyMs;

	// ---- credentials, fresh per variant and run ----
	const docketwiseOurs = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'Docketwise');
		const [credential] = docketwiseCredentialFile(
			docketwise.url,
			docketwise.clientId,
			docketwise.clientSecret,
			docketwise.issueTokens(),
			ref,
		);
		return { ref, credential };
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
		const [credential] = docketAlarmCredentialFile(
			docketAlarm.url,
			docketAlarm.username,
			docketAlarm.password,
			{ clientMatter: 'bench' },
			ref,
		);
		return { ref, credential };
	};
	const docJurisOurs = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'DocJuris');
		const [credential] = docJurisCredentialFile(
			docJuris.apiBaseUrl,
			docJuris.accountId,
			docJuris.apiKey,
			ref,
		);
		return { ref, credential };
	};
	const basicAuth = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'Basic');
		return {
			ref,
			credential: {
				...ref,
				type: 'httpBasicAuth',
				data: { user: docJuris.accountId, password: docJuris.apiKey },
			},
		};
	};
	const docuMineOurs = (scenario: string, variant: string, run: number) => {
		const ref = credentialRef(scenario, variant, run, 'DocuMine');
		const [credential] = docuMineCredentialFile(
			docuMine.url,
			docuMine.workspaceId,
			docuMine.clientId,
			docuMine.username,
			docuMine.password,
			ref,
		);
		return { ref, credential };
	};

	const docketwiseNode = (ref: CredentialRef, parameters: Record<string, unknown>, extra = {}) =>
		ours(
			MEASURED,
			'n8n-nodes-docketwise.docketwise',
			'docketwiseOAuth2Api',
			ref,
			parameters,
			extra,
		);
	const docketAlarmNode = (ref: CredentialRef, parameters: Record<string, unknown>, extra = {}) =>
		ours(MEASURED, 'n8n-nodes-docket-alarm.docketAlarm', 'docketAlarmApi', ref, parameters, extra);
	const docJurisNode = (ref: CredentialRef, parameters: Record<string, unknown>, extra = {}) =>
		ours(MEASURED, 'n8n-nodes-docjuris.docJuris', 'docJurisApi', ref, parameters, extra);
	const docuMineNode = (ref: CredentialRef, parameters: Record<string, unknown>) =>
		ours(MEASURED, 'n8n-nodes-documine.docuMine', 'docuMineApi', ref, {
			authentication: 'password',
			...parameters,
		});

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

	const variant = (
		scenario: string,
		key: string,
		label: string,
		kind: Variant['kind'],
		build: (
			run: number,
			hook: string,
		) => {
			nodes: WorkflowJson['nodes'];
			links?: Array<[string, number, string]>;
			credentials: unknown[];
		},
	): Variant => ({
		key,
		label,
		kind,
		build(run) {
			const { nodes, links, credentials } = build(run, webhookPath(scenario, key, run));
			return {
				workflow: workflow(
					workflowId(scenario, key, run),
					`Bench ${scenario}: ${label} (run ${run})`,
					nodes,
					links,
				),
				credentials,
			};
		},
	});

	const CONTACTS = 10_000;
	const SINGLE_GETS = 300;
	const DOCKETS = 500;
	const FILES = 100;
	const CHEAP_ITEMS = 10_000;
	const SEARCH_RESULTS = 5_000;
	const contactIds = (count: number) =>
		docketwise.tables.contacts.slice(0, count).map((row) => ({ id: row.id }));
	const requests = (sim: { apiRequests: number }) => ({ requests: sim.apiRequests });
	const wall = (measurement: Measurement) => measurement.workMs;

	const b4Download = path.join(settings.filesDir, 'download-floor.bin');
	const b4Upload = path.join(settings.filesDir, 'large-turn.docx');
	const b5Files = path.join(settings.filesDir, 'studies');
	return {
		docketwise,
		docketAlarm,
		docJuris,
		docuMine,
		settings,
		latency,
		docketwiseOurs,
		docketwiseGeneric,
		docketAlarmOurs,
		docJurisOurs,
		basicAuth,
		docuMineOurs,
		docketwiseNode,
		docketAlarmNode,
		docJurisNode,
		docuMineNode,
		docketAlarmLogin,
		docuMineToken,
		docuMineHeaders,
		variant,
		CONTACTS,
		SINGLE_GETS,
		DOCKETS,
		FILES,
		CHEAP_ITEMS,
		SEARCH_RESULTS,
		contactIds,
		requests,
		wall,
		b4Download,
		b4Upload,
		b5Files,
	};
}

export type BenchKit = ReturnType<typeof benchKit>;

/** Writes a file of `size` bytes (a repeated pattern) without holding it in memory. */
export async function writeLargeFile(file: string, size: number): Promise<void> {
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
export async function flushDisk(): Promise<void> {
	await run('sync', []);
}

/** Runs curl (a separate process, like n8n): the plain socket copy a node's transfer is judged against. */
export async function curl(args: string[]): Promise<void> {
	await run('curl', ['--silent', '--show-error', '--fail', ...args], { maxBuffer: 1 << 20 });
}

/** Basic credentials for curl in a file, so they appear in no process list. */
export function netrc(sim: DocJurisSimulator): string {
	const file = path.join(tmpdir(), `bench-netrc-${process.pid}`);
	writeFileSync(file, `machine 127.0.0.1 login ${sim.accountId} password ${sim.apiKey}\n`, {
		mode: 0o600,
	});
	return file;
}
