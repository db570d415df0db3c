/**
 * What the hard cases (`npm run test:hard`) share: the four vendor simulators, one real n8n with all
 * four packed packages and a credential per vendor, workflows started through webhooks, the search
 * for leaked secrets, and the summary table every check adds a row to.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { simulatorCredentials, type Simulators } from '../kit/credentials';
import { DocJurisSimulator } from '../kit/simulators/docjuris';
import { DocketAlarmSimulator } from '../kit/simulators/docketalarm';
import { DocketwiseSimulator } from '../kit/simulators/docketwise';
import { DocuMineSimulator } from '../kit/simulators/documine';
import type { LocalServer } from '../kit/simulators/localServer';
import { builtTarball, N8nInstance, type N8nLine, type N8nOptions } from '../kit/n8n';
import { DOCJURIS_CREDENTIAL } from '../kit/workflows/docjuris';
import { DOCKET_ALARM_CREDENTIAL } from '../kit/workflows/docketalarm';
import { DOCKETWISE_CREDENTIAL } from '../kit/workflows/docketwise';
import { DOCUMINE_CREDENTIAL } from '../kit/workflows/documine';

export const HARD_LINE = (process.env.HARD_N8N_LINE ?? '1') as N8nLine;
export const PACKAGES = [
	'n8n-nodes-docjuris',
	'n8n-nodes-docket-alarm',
	'n8n-nodes-docketwise',
	'n8n-nodes-documine',
];

const repoRoot = path.resolve(__dirname, '..', '..');
export const SUMMARY_FILE = path.join(repoRoot, 'build', 'test-results', 'hard-summary.jsonl');

/** Adds a row to the summary table `npm run test:hard` prints: what was tried, whether it held, what was measured. */
export function record(area: string, tried: string, held: boolean, measured: string): boolean {
	mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
	appendFileSync(
		SUMMARY_FILE,
		`${JSON.stringify({ area, tried, held, measured, line: HARD_LINE })}\n`,
	);
	return held;
}

// Secrets the credentials hold; every one of them is searched for in what n8n stored and logged.
export const SECRETS = {
	docJurisApiKey: 'hard-dj-api-key-5be1c07f9d',
	docketAlarmPassword: 'hard-da-password-77c2e9',
	docketwiseClientSecret: 'hard-dw-client-secret-3f0a',
	docuMinePassword: 'hard-dm-password-a41d8b',
	documentPassword: 'hard-doc-password-19e7',
	pushSecret: 'hard-push-secret-6d2b0c4e8a',
};

/** The Docket Alarm sub-account whose push URL the Docket Alarm Trigger manages. */
export const SUBACCOUNT = { email: 'alerts@hard-firm.example', password: 'Hard-Sub-Pass-2026' };

export interface Answer {
	status: number;
	body: unknown;
}

/** The simulators and an n8n with every package and credential, ready for workflows. */
export class HardStack {
	readonly sims: Simulators;
	n8n!: N8nInstance;

	constructor(simulators: Partial<Simulators> = {}) {
		this.sims = {
			docJuris: simulators.docJuris ?? new DocJurisSimulator({ apiKey: SECRETS.docJurisApiKey }),
			docketAlarm:
				simulators.docketAlarm ??
				new DocketAlarmSimulator({
					username: 'clerk@hard-firm.example',
					password: SECRETS.docketAlarmPassword,
				}),
			docketwise:
				simulators.docketwise ??
				new DocketwiseSimulator({ clientSecret: SECRETS.docketwiseClientSecret, contacts: 3 }),
			docuMine:
				simulators.docuMine ?? new DocuMineSimulator({ password: SECRETS.docuMinePassword }),
		};
	}

	get servers(): LocalServer[] {
		return Object.values(this.sims);
	}

	/** Starts the simulators and prepares n8n (packages, credentials, workflows); `start` runs it. */
	async prepare(
		workflows: Array<{ id: string }>,
		options: Partial<N8nOptions> = {},
		n8n?: N8nInstance,
	): Promise<void> {
		for (const server of this.servers) if (!server.running) await server.start();
		this.n8n =
			n8n ??
			new N8nInstance({
				line: HARD_LINE,
				...options,
				env: {
					N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
					EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
					...options.env,
				},
			});
		await this.n8n.installPackages(PACKAGES.map(builtTarball));
		await this.n8n.importCredentials(this.credentials());
		if (workflows.length) await this.n8n.importWorkflows(workflows);
	}

	credentials(): unknown[] {
		return simulatorCredentials(this.sims);
	}

	/** Every secret a credential holds or a simulator handed out so far. */
	secrets(): string[] {
		return [...Object.values(SECRETS), ...this.servers.flatMap((server) => server.issuedSecrets)];
	}

	async cleanup(): Promise<void> {
		await this.n8n?.cleanup();
		for (const server of this.servers) await server.stop();
	}
}

export const credentialRefs = {
	docJurisApi: DOCJURIS_CREDENTIAL,
	docketAlarmApi: DOCKET_ALARM_CREDENTIAL,
	docketwiseOAuth2Api: DOCKETWISE_CREDENTIAL,
	docuMineApi: DOCUMINE_CREDENTIAL,
};

/**
 * Posts JSON to a URL with node:http (no pooled fetch sockets, no five-minute undici limit) and reads
 * the answer; a body that is a Buffer or string is sent as is.
 */
export async function post(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<Answer> {
	const payload = Buffer.isBuffer(body)
		? body
		: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	return await new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{
				method: 'POST',
				agent: false,
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': payload.length,
					...headers,
				},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let parsed: unknown = text;
					try {
						parsed = text ? JSON.parse(text) : undefined;
					} catch {
						// Not JSON: kept as text.
					}
					resolve({ status: response.statusCode ?? 0, body: parsed });
				});
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(payload);
	});
}

/** Calls a production webhook of the running n8n. */
export async function callWebhook(
	n8n: N8nInstance,
	webhookPath: string,
	body: unknown,
	baseUrl = n8n.baseUrl,
): Promise<Answer> {
	return await post(`${baseUrl}/webhook/${webhookPath}`, body);
}

/** Where a secret was found: which text, and a little context with the secret masked. */
export interface Leak {
	where: string;
	secret: string;
	context: string;
}

/** Looks for every secret in each named text. */
export function findLeaks(texts: Record<string, string>, secrets: string[]): Leak[] {
	const leaks: Leak[] = [];
	for (const [where, text] of Object.entries(texts)) {
		for (const secret of new Set(secrets)) {
			if (secret.length < 6) continue;
			const at = text.indexOf(secret);
			if (at >= 0)
				leaks.push({
					where,
					secret: `${secret.slice(0, 3)}…`,
					context: text.slice(Math.max(0, at - 80), at).replace(/\s+/g, ' '),
				});
		}
	}
	return leaks;
}

/** Text files under a folder (n8n's own log files, say), keyed by their path. */
export function filesUnder(folder: string, pattern: RegExp): Record<string, string> {
	const texts: Record<string, string> = {};
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const file = path.join(dir, name);
			const stat = statSync(file);
			if (stat.isDirectory()) {
				if (name !== 'node_modules' && name !== 'nodes') walk(file);
			} else if (pattern.test(name) && stat.size < 64 * 1024 * 1024) {
				texts[file] = readFileSync(file, 'utf8');
			}
		}
	};
	walk(folder);
	return texts;
}

/**
 * What n8n kept of the runs: every execution's run data (items, errors, node outputs) as stored,
 * and the log. The workflow definitions stored beside them are left out: node parameters a user
 * typed are theirs to see.
 */
export async function exportedRuns(n8n: N8nInstance): Promise<Record<string, string>> {
	const texts: Record<string, string> = { 'n8n log': n8n.fullLog };
	// 1.x pages by the last id seen (lastId); 2.x refuses that and answers each page with the
	// cursor of the next (nextCursor, null on the last page).
	let after = '';
	for (;;) {
		const page = await n8n.rest<{ results: Array<{ id: string }>; nextCursor?: string | null }>(
			'GET',
			`/executions?limit=100${after}`,
		);
		for (const { id } of page.results) {
			texts[`execution ${id}`] ??= (
				await n8n.rest<{ data: string }>('GET', `/executions/${id}`)
			).data;
		}
		const last = page.results[page.results.length - 1];
		if (page.nextCursor !== undefined) {
			if (!page.nextCursor) break;
			after = `&cursor=${encodeURIComponent(page.nextCursor)}`;
		} else {
			if (!last || page.results.length < 100) break;
			after = `&lastId=${last.id}`;
		}
	}
	return { ...texts, ...filesUnder(path.join(n8n.userFolder, '.n8n'), /\.log$/) };
}

/** Scans what n8n stored and logged for the stack's secrets, and records the result. */
export async function scanForSecrets(stack: HardStack, area: string): Promise<Leak[]> {
	const texts = await exportedRuns(stack.n8n);
	const leaks = findLeaks(texts, stack.secrets());
	const executions = Object.keys(texts).filter((key) => key.startsWith('execution')).length;
	record(
		'Secrets',
		`${area}: ${executions} executions, the n8n log and log files searched for ${new Set(stack.secrets()).size} secrets`,
		leaks.length === 0,
		leaks.length
			? `${leaks.length} found: ${leaks.map((leak) => `${leak.secret} in ${leak.where}`).join('; ')}`
			: '0 found',
	);
	return leaks;
}

/** Runs `work` on `count` inputs, at most `concurrency` at a time. */
export async function atConcurrency<T>(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<T>,
): Promise<T[]> {
	const results: T[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			while (next < count) {
				const index = next++;
				results[index] = await work(index);
			}
		}),
	);
	return results;
}
