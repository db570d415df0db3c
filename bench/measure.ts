/**
 * One measured run: start a workflow through its webhook, sample the n8n process's resident memory
 * while it runs, then read n8n's own record of the execution (duration, per-node times, items).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';

import type { N8nInstance, RawNodeRun } from '../test/kit/n8n';

export interface NodeRun {
	/** Time n8n recorded for the node (all its runs, e.g. in a loop), ms. */
	executionMs: number;
	/** Items in the node's last run, and how many of them carry an error. */
	items: number;
	errorItems: number;
	/** Items over all its runs (a node in a loop runs several times). */
	itemsAllRuns: number;
	/** The first item of its last run, shortened (to see what went wrong). */
	sample?: string;
}

export interface Measurement {
	/** From the webhook call to its answer, ms (what a caller waits). */
	wallMs: number;
	/** n8n's startedAt → stoppedAt, ms. */
	durationMs: number;
	/** n8n's own times of the nodes doing the job, summed (the webhook and input preparation left out), ms. */
	workMs: number;
	/** Highest resident memory of the n8n process during the run minus the memory before it, MB. */
	rssGrowthMb: number;
	status: string;
	nodes: Record<string, NodeRun>;
	/** The error n8n recorded for the execution, if it failed. */
	error?: string;
	/** Whether n8n answered "Database is not ready" after the run (its event loop was blocked too long). */
	databaseOutage: boolean;
}

function residentKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	return match ? Number(match[1]) : 0;
}

/** Resets the kernel's peak-RSS mark so VmHWM covers this run only (ignored where not permitted). */
function resetPeak(pid: number): void {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		// Sampling still gives the peak, at 20 ms resolution.
	}
}

/** Nodes that only bring a scenario's input in (the same in every variant). */
export const INPUT_NODES = new Set(['Webhook', 'Split Items', 'Read Files']);

export class Runner {
	private outage = false;

	constructor(private readonly n8n: N8nInstance) {}

	/** Calls the workflow's webhook and waits until n8n has run it, retrying while it is not registered yet. */
	private async call(webhookPath: string, body: unknown): Promise<void> {
		const deadline = Date.now() + 60_000;
		for (;;) {
			// node:http rather than fetch: fetch gives up on an answer after five minutes.
			const status = await new Promise<number>((resolve, reject) => {
				const request = http.request(
					`${this.n8n.baseUrl}/webhook/${webhookPath}`,
					{ method: 'POST', headers: { 'Content-Type': 'application/json' } },
					(response) => {
						response.resume();
						response.on('end', () => resolve(response.statusCode ?? 0));
						response.on('error', reject);
					},
				);
				request.on('error', reject);
				request.end(JSON.stringify(body));
			});
			// A webhook n8n has not registered yet answers 404 and runs nothing (2.x registers them after activation).
			if (status === 404 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 1000));
				continue;
			}
			return;
		}
	}

	/** Calls n8n's REST API, waiting out a database outage (n8n reconnects once its event loop is free again). */
	private async whileDatabaseRecovers<T>(call: () => Promise<T>): Promise<T> {
		const deadline = Date.now() + 120_000;
		for (;;) {
			try {
				return await call();
			} catch (error) {
				if (!/Database is not ready/.test((error as Error).message) || Date.now() > deadline)
					throw error;
				this.outage = true;
				await new Promise((resolve) => setTimeout(resolve, 2000));
			}
		}
	}

	async run(workflowId: string, webhookPath: string, body: unknown): Promise<Measurement> {
		this.outage = false;
		const pid = this.n8n.pid!;
		const before = (await this.newest(workflowId))?.id;
		const baseline = residentKb(pid, 'VmRSS');
		resetPeak(pid);
		let peak = baseline;
		const sampler = setInterval(() => {
			peak = Math.max(peak, residentKb(pid, 'VmRSS'));
		}, 20);
		const started = performance.now();
		try {
			await this.call(webhookPath, body);
		} finally {
			clearInterval(sampler);
		}
		const wallMs = performance.now() - started;
		peak = Math.max(peak, residentKb(pid, 'VmRSS'), residentKb(pid, 'VmHWM'));
		const executionId = await this.waitForExecution(workflowId, before);
		const execution = await this.whileDatabaseRecovers(
			async () => await this.n8n.execution(executionId),
		);
		const { raw } = execution.result;
		const nodes: Record<string, NodeRun> = {};
		for (const [name, runs] of Object.entries(raw.runData)) {
			const itemsOf = (run: RawNodeRun) => (run.data?.main ?? []).flatMap((output) => output ?? []);
			const last = itemsOf(runs[runs.length - 1]);
			nodes[name] = {
				executionMs: runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0),
				items: last.length,
				errorItems: last.filter((item) => item.json.error !== undefined).length,
				itemsAllRuns: runs.reduce((sum, run) => sum + itemsOf(run).length, 0),
				sample: last[0] ? JSON.stringify(last[0].json).slice(0, 300) : undefined,
			};
			const failed = runs.find((run) => run.error);
			if (failed) nodes[name].errorItems = Math.max(nodes[name].errorItems, 1);
		}
		return {
			wallMs,
			durationMs: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
			workMs: Object.entries(nodes)
				.filter(([name]) => !INPUT_NODES.has(name))
				.reduce((sum, [, run]) => sum + run.executionMs, 0),
			rssGrowthMb: Math.max(0, peak - baseline) / 1024,
			status: execution.status,
			nodes,
			error: raw.error?.message,
			databaseOutage: this.outage,
		};
	}

	private async newest(workflowId: string): Promise<{ id: string; status?: string } | undefined> {
		return await this.whileDatabaseRecovers(async () => await this.n8n.newestExecution(workflowId));
	}

	/** The execution the webhook started, once n8n has stored it as ended. */
	private async waitForExecution(workflowId: string, before: string | undefined): Promise<string> {
		const deadline = Date.now() + 120_000;
		for (;;) {
			const latest = await this.newest(workflowId);
			if (latest && latest.id !== before && latest.status !== 'running' && latest.status !== 'new')
				return latest.id;
			if (Date.now() > deadline) throw new Error(`no finished execution of ${workflowId} appeared`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}
