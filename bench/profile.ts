/**
 * Where the time of a benchmark run goes: reads the CPU profile n8n wrote when run with
 * `BENCH_PROFILE=<folder>` (`npm run bench` then starts n8n with `--cpu-prof`) and splits the time
 * between the first and the last moment our nodes' code ran into: our nodes' code, n8n (its engine,
 * expressions, HTTP client), Node itself (its internals, garbage collection) and idle (waiting on
 * the wire: the vendor's latency). Prints a Markdown table, the heaviest functions of each side last.
 *
 *   BENCH_PROFILE=/tmp/prof BENCH_ONLY=B3 BENCH_RUNS=1 npm run bench && tsx bench/profile.ts /tmp/prof
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

type Side = 'our nodes' | 'n8n' | 'Node (internals, GC)' | 'idle (waiting on the wire)';

const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;

function sideOf({ functionName, url }: ProfileNode['callFrame']): Side {
	if (functionName === '(idle)') return 'idle (waiting on the wire)';
	if (/\/n8n-nodes-(docjuris|docket-alarm|docketwise|documine)\//.test(url)) return 'our nodes';
	if (/node_modules\//.test(url)) return 'n8n';
	return 'Node (internals, GC)';
}

function summarize(file: string): string {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	// Sample times (µs from the start) and the node each sample was in.
	let at = 0;
	const samples = profile.samples.map((id, index) => {
		at += profile.timeDeltas[index];
		return { at, node: byId.get(id)!, span: profile.timeDeltas[index + 1] ?? 0 };
	});
	// Whether a node runs inside our nodes' code (one of its callers is ours): n8n's work on our
	// behalf (parameters, credentials, its HTTP client) then counts as our node's run.
	const parents = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parents.set(child, node.id);
	const underOurs = new Map<number, boolean>();
	const isUnderOurs = (id: number): boolean => {
		if (underOurs.has(id)) return underOurs.get(id)!;
		const node = byId.get(id)!;
		const parent = parents.get(id);
		const result =
			sideOf(node.callFrame) === 'our nodes' || (parent !== undefined && isUnderOurs(parent));
		underOurs.set(id, result);
		return result;
	};
	const ours = samples.filter((sample) => sideOf(sample.node.callFrame) === 'our nodes');
	if (!ours.length) return `${path.basename(file)}: our nodes never ran\n`;
	const from = ours[0].at;
	const to = ours[ours.length - 1].at;
	const window = samples.filter((sample) => sample.at >= from && sample.at <= to);
	const sides = new Map<Side, number>();
	const functions = new Map<string, { side: Side; us: number }>();
	for (const { node, span } of window) {
		const side = sideOf(node.callFrame);
		sides.set(side, (sides.get(side) ?? 0) + span);
		const name = frameName(node.callFrame);
		const entry = functions.get(name) ?? { side, us: 0 };
		entry.us += span;
		functions.set(name, entry);
	}
	const total = [...sides.values()].reduce((sum, us) => sum + us, 0);
	const called = new Map<Side, number>();
	const calledFunctions = new Map<string, { side: Side; us: number }>();
	for (const { node, span } of window.filter((sample) => isUnderOurs(sample.node.id))) {
		const side = sideOf(node.callFrame);
		called.set(side, (called.get(side) ?? 0) + span);
		const name = frameName(node.callFrame);
		const entry = calledFunctions.get(name) ?? { side, us: 0 };
		entry.us += span;
		calledFunctions.set(name, entry);
	}
	const lines = [
		`Profile ${path.basename(file)}: ${ms(total)} from the first to the last sample in our nodes' code`,
		'',
		'| where | time | share |',
		'|---|---|---|',
		...[...sides.entries()]
			.sort((a, b) => b[1] - a[1])
			.map(([side, us]) => `| ${side} | ${ms(us)} | ${((100 * us) / total).toFixed(0)} % |`),
		'',
		"Of that, inside our nodes' calls (our code, and what it asked of n8n and Node):",
		'',
		'| where | time |',
		'|---|---|',
		...[...called.entries()]
			.sort((a, b) => b[1] - a[1])
			.map(([side, us]) => `| ${side} | ${ms(us)} |`),
		'',
		"| heaviest functions inside our nodes' calls (self time) | side | time |",
		'|---|---|---|',
		...heaviest(calledFunctions),
		'',
		'| heaviest functions of the whole window (self time) | side | time |',
		'|---|---|---|',
		...heaviest(functions),
	];
	return `${lines.join('\n')}\n`;
}

function frameName({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
	return `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}`;
}

function heaviest(functions: Map<string, { side: Side; us: number }>): string[] {
	return [...functions.entries()]
		.filter(([, entry]) => entry.side !== 'idle (waiting on the wire)')
		.sort((a, b) => b[1].us - a[1].us)
		.slice(0, 12)
		.map(([name, entry]) => `| \`${name}\` | ${entry.side} | ${ms(entry.us)} |`);
}

const folder = process.argv[2];
if (!folder) {
	process.stderr.write('usage: tsx bench/profile.ts <folder with .cpuprofile files>\n');
	process.exit(2);
}
for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.cpuprofile')))
	process.stdout.write(`${summarize(path.join(folder, name))}\n`);
