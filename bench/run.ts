/**
 * `npm run bench`: scenarios B1–B7 in a real n8n (the packed packages, as in the e2e tests) against
 * the vendor simulators with a fixed latency per request, each with our node and with a hand-built
 * HTTP Request workflow in the same run. Writes bench/results.json, bench/results.md, bench/ratios.svg.
 *
 * Settings (environment): BENCH_RUNS (3), BENCH_LATENCY_MS (20), BENCH_ONLY (e.g. "B1,B7"),
 * BENCH_N8N_LINE (1 or 2; default 1), BENCH_LARGE_FILE_MB (1024), BENCH_PROCESSING_MS (3000),
 * BENCH_PROFILE (a folder: n8n runs with --cpu-prof there; bench/profile.ts reads it).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';

import { builtTarball, N8nInstance, N8N_VERSIONS, type N8nLine } from '../test/kit/n8n';
import { DocJurisSimulator } from '../test/kit/simulators/docjuris';
import { DocketAlarmSimulator } from '../test/kit/simulators/docketalarm';
import { DocketwiseSimulator } from '../test/kit/simulators/docketwise';
import { DocuMineSimulator } from '../test/kit/simulators/documine';
import { Runner } from './measure';
import {
	markdown,
	median,
	ratios,
	svgChart,
	type BenchResults,
	type ScenarioResult,
} from './report';
import { scenarios, webhookPath, workflowId, type BenchSettings, type Metrics } from './scenarios';

const PACKAGES = [
	'n8n-nodes-docjuris',
	'n8n-nodes-docket-alarm',
	'n8n-nodes-docketwise',
	'n8n-nodes-documine',
];
const outputDir = path.resolve(__dirname);

function log(message: string): void {
	process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<void> {
	const runs = Number(process.env.BENCH_RUNS ?? 3);
	const line = (process.env.BENCH_N8N_LINE ?? '1') as N8nLine;
	const only = (process.env.BENCH_ONLY ?? '')
		.split(',')
		.map((id) => id.trim().toLowerCase())
		.filter(Boolean);
	const filesDir = mkdtempSync(path.join(tmpdir(), 'n8n-bench-files-'));
	const settings: BenchSettings = {
		latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 20),
		filesDir,
		largeFileBytes: Number(process.env.BENCH_LARGE_FILE_MB ?? 1024) * 2 ** 20,
		processingMs: Number(process.env.BENCH_PROCESSING_MS ?? 3000),
	};

	const sims = {
		docketwise: new DocketwiseSimulator({ contacts: 10_000 }),
		docketAlarm: new DocketAlarmSimulator({ searchIndexSize: 5_000 }),
		docJuris: new DocJurisSimulator(),
		docuMine: new DocuMineSimulator(),
	};
	for (const sim of Object.values(sims)) {
		await sim.start();
		sim.latencyMs = settings.latencyMs;
	}
	const selected = scenarios(sims, settings).filter(
		(scenario) => !only.length || only.some((id) => scenario.id.toLowerCase().startsWith(id)),
	);

	const n8n = new N8nInstance({
		line,
		env: {
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
			N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
			N8N_LOG_LEVEL: 'warn',
			// Scenario items arrive in the webhook body (10,000 items are well under a megabyte).
			N8N_PAYLOAD_SIZE_MAX: '64',
		},
		// A CPU profile of the n8n process, written when it stops (read with bench/profile.ts).
		nodeFlags: process.env.BENCH_PROFILE
			? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
			: undefined,
	});
	try {
		log(`n8n ${N8N_VERSIONS[line]}: installing the packed packages`);
		await n8n.installPackages(PACKAGES.map(builtTarball));
		const workflows = [];
		const credentials = [];
		for (const scenario of selected) {
			for (const variant of scenario.variants) {
				if (!variant.build) continue;
				for (let run = 1; run <= runs; run++) {
					const built = variant.build(run);
					workflows.push(built.workflow);
					credentials.push(...built.credentials);
				}
			}
		}
		if (credentials.length) await n8n.importCredentials(credentials);
		await n8n.importWorkflows(workflows);
		await n8n.start();
		for (const workflow of workflows) await n8n.activate(workflow.id);
		log(`${workflows.length} workflows active`);

		const runner = new Runner(n8n);
		const results: ScenarioResult[] = [];
		for (const scenario of selected) {
			await scenario.setup?.();
			const result: ScenarioResult = {
				id: scenario.id,
				title: scenario.title,
				metrics: scenario.metrics,
				floors: scenario.floors ?? {},
				goals: scenario.goals ?? {},
				variants: scenario.variants.map(({ key, label, kind }) => ({
					key,
					label,
					kind,
					runs: [] as Metrics[],
					failures: [] as string[],
				})),
			};
			for (let run = 1; run <= runs; run++) {
				// Alternate which variant goes first, so neither always meets a cold or a warm n8n.
				const order = scenario.variants.map((_, index) => index);
				if (run % 2 === 0) order.reverse();
				for (const index of order) {
					const variant = scenario.variants[index];
					await scenario.beforeEachRun?.();
					const before = scenario.counters();
					let metrics: Metrics;
					if (variant.direct) {
						metrics = await variant.direct(run);
					} else {
						try {
							const measurement = await runner.run(
								workflowId(scenario.id, variant.key, run),
								webhookPath(scenario.id, variant.key, run),
								scenario.body(run),
							);
							const after = scenario.counters();
							const delta = Object.fromEntries(
								Object.entries(after).map(([key, value]) => [key, value - before[key]]),
							);
							if (process.env.BENCH_DEBUG)
								log(
									`${scenario.id} ${variant.key}: ${JSON.stringify({ status: measurement.status, error: measurement.error, nodes: measurement.nodes })}`,
								);
							metrics = scenario.metricsOf(measurement, delta, variant);
						} catch (error) {
							// A run that breaks n8n itself is a result too: recorded, then n8n is brought back.
							const reason = (error as Error).message.split('\n')[0];
							result.variants[index].failures.push(
								`run ${run}: ${reason} — n8n log: ${n8n.log
									.split('\n')
									.filter((entry) => /error|timed out|heap/i.test(entry))
									.slice(-2)
									.join(' / ')}`,
							);
							metrics = { failedRun: 1 };
							log(
								`${scenario.id} run ${run} ${variant.label} broke the run: ${reason}; restarting n8n`,
							);
							await n8n.stop();
							await n8n.start();
							for (const workflow of workflows) await n8n.activate(workflow.id);
						}
					}
					result.variants[index].runs.push(metrics);
					log(
						`${scenario.id} run ${run} ${variant.label}: ${JSON.stringify(metrics, (_key, value) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value))}`,
					);
				}
			}
			await scenario.teardown?.();
			results.push(result);
			// Written after every scenario, so an interrupted run keeps what it measured.
			writeReport(results);
		}
		const suffix = writeReport(results);
		log(
			`wrote bench/results${suffix}.json, bench/results${suffix}.md and bench/ratios${suffix}.svg`,
		);
		for (const scenario of results) {
			for (const variant of scenario.variants) {
				const wall = variant.runs.map((run) => run.wallMs).filter((value) => value !== undefined);
				if (wall.length)
					log(`${scenario.id} ${variant.label}: median wall ${Math.round(median(wall))} ms`);
			}
		}
	} catch (error) {
		log(`failed: ${(error as Error).stack ?? String(error)}`);
		log(`n8n log (tail):\n${n8n.log.slice(-3000)}`);
		process.exitCode = 1;
	} finally {
		await n8n.cleanup();
		for (const sim of Object.values(sims)) await sim.stop();
		rmSync(filesDir, { recursive: true, force: true });
	}

	/** Writes the three result files; returns the suffix naming a partial run (BENCH_ONLY). */
	function writeReport(results: ScenarioResult[]): string {
		const report: BenchResults = {
			generatedAt: new Date().toISOString(),
			n8n: N8N_VERSIONS[line],
			node: line === '1' ? process.version : 'v24 (n8n 2.x line)',
			machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
			settings: {
				runs,
				latencyMs: settings.latencyMs,
				largeFileMB: settings.largeFileBytes / 2 ** 20,
				processingMs: settings.processingMs,
			},
			scenarios: results,
		};
		mkdirSync(outputDir, { recursive: true });
		const suffix = only.length ? `-${only.join('-')}` : '';
		writeFileSync(
			path.join(outputDir, `results${suffix}.json`),
			`${JSON.stringify(report, null, 2)}\n`,
		);
		// The profile of a run (bench/profile.md, written from bench/profile.ts) goes with the figures.
		const profile = path.join(outputDir, 'profile.md');
		writeFileSync(
			path.join(outputDir, `results${suffix}.md`),
			`${markdown(report).replace('(ratios.svg)', `(ratios${suffix}.svg)`)}\n${
				existsSync(profile) ? `\n${readFileSync(profile, 'utf8')}` : ''
			}`,
		);
		writeFileSync(path.join(outputDir, `ratios${suffix}.svg`), `${svgChart(ratios(report))}\n`);
		return suffix;
	}
}

void main();
