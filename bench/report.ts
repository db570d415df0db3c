/**
 * Turns benchmark results into what people read: bench/results.json (every run), bench/results.md
 * (medians with min–max, floors and ratios) and bench/ratios.svg (ours ÷ HTTP Request, log scale).
 */
import type { Metrics } from './scenarios';

export interface VariantResult {
	key: string;
	label: string;
	kind: 'ours' | 'httpRequest' | 'floor';
	runs: Metrics[];
	/** Runs that did not complete, and why. */
	failures: string[];
}

export interface ScenarioResult {
	id: string;
	title: string;
	metrics: Record<string, { label: string; unit: string }>;
	floors: Metrics;
	goals: Record<string, { max: number; text: string }>;
	variants: VariantResult[];
}

export interface BenchResults {
	generatedAt: string;
	n8n: string;
	node: string;
	machine: string;
	settings: Record<string, unknown>;
	scenarios: ScenarioResult[];
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const valuesOf = (variant: VariantResult, metric: string) =>
	variant.runs
		.map((run) => run[metric])
		.filter((value) => typeof value === 'number' && Number.isFinite(value));

function format(value: number, unit: string): string {
	if (unit === 'ms')
		return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
	if (unit === 'MB') return `${value.toFixed(value < 10 ? 1 : 0)} MB`;
	if (unit === 'µs') return `${value.toFixed(0)} µs`;
	return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function cell(variant: VariantResult | undefined, metric: string, unit: string): string {
	const values = variant ? valuesOf(variant, metric) : [];
	if (!values.length) return '–';
	const mid = format(median(values), unit);
	if (values.length === 1) return mid;
	const low = format(Math.min(...values), unit);
	const high = format(Math.max(...values), unit);
	return low === high ? mid : `${mid} (${low}–${high})`;
}

export interface Ratio {
	row: string;
	median: number;
	min: number;
	max: number;
}

/** Ours ÷ HTTP Request per metric, run by run (runs are paired by their order). */
export function ratios(results: BenchResults): Ratio[] {
	const rows: Ratio[] = [];
	for (const scenario of results.scenarios) {
		const http = scenario.variants.find((variant) => variant.kind === 'httpRequest');
		if (!http) continue;
		for (const mine of scenario.variants.filter((variant) => variant.kind === 'ours')) {
			for (const [metric, { label }] of Object.entries(scenario.metrics)) {
				const pairs = mine.runs
					.map((run, index) => [run[metric], http.runs[index]?.[metric]])
					.filter(
						([a, b]) => typeof a === 'number' && typeof b === 'number' && a > 0 && b > 0,
					) as Array<[number, number]>;
				if (!pairs.length) continue;
				const values = pairs.map(([a, b]) => a / b);
				const name =
					scenario.variants.filter((variant) => variant.kind === 'ours').length > 1
						? ` (${mine.label})`
						: '';
				rows.push({
					row: `${scenario.id} ${label}${name}`,
					median: median(values),
					min: Math.min(...values),
					max: Math.max(...values),
				});
			}
		}
	}
	return rows;
}

export function markdown(results: BenchResults): string {
	const lines = [
		'# Benchmark results',
		'',
		`Generated ${results.generatedAt} by \`npm run bench\` — n8n ${results.n8n}, Node ${results.node}, ${results.machine}.`,
		`Settings: ${Object.entries(results.settings)
			.map(([key, value]) => `${key} ${String(value)}`)
			.join(
				', ',
			)}. Each cell is the median of the runs, with min–max in brackets. Wall time is n8n's own record of the time spent in the nodes doing the job (the webhook and the nodes that bring the input in, the same in every variant, left out).`,
		'',
		'![Ours ÷ HTTP Request](ratios.svg)',
		'',
	];
	for (const scenario of results.scenarios) {
		const columns = scenario.variants;
		lines.push(`## ${scenario.id}: ${scenario.title}`, '');
		lines.push(
			`| figure | ${columns.map((variant) => variant.label).join(' | ')} | floor / goal |`,
		);
		lines.push(`|---|${columns.map(() => '---').join('|')}|---|`);
		for (const [metric, { label, unit }] of Object.entries(scenario.metrics)) {
			const floor =
				scenario.floors[metric] !== undefined ? format(scenario.floors[metric], unit) : '';
			const goal = scenario.goals[metric]?.text ?? '';
			lines.push(
				`| ${label} | ${columns.map((variant) => cell(variant, metric, unit)).join(' | ')} | ${[floor, goal].filter(Boolean).join('; ') || '–'} |`,
			);
		}
		const extras = [
			...new Set(columns.flatMap((variant) => variant.runs.flatMap((run) => Object.keys(run)))),
		].filter((key) => !(key in scenario.metrics));
		for (const extra of extras)
			lines.push(
				`| ${extra} | ${columns.map((variant) => cell(variant, extra, '')).join(' | ')} | – |`,
			);
		lines.push('');
		for (const variant of columns)
			for (const failure of variant.failures)
				lines.push(`- ${variant.label} did not complete ${failure}`);
		if (columns.some((variant) => variant.failures.length)) lines.push('');
	}
	return lines.join('\n');
}

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A horizontal bar chart of ours ÷ HTTP Request on a log scale, with min–max whiskers. */
export function svgChart(rows: Ratio[]): string {
	const left = 330;
	const width = 900;
	const plot = width - left - 30;
	const rowHeight = 26;
	const top = 50;
	const height = top + rows.length * rowHeight + 50;
	const [lowest, highest] = [0.01, 100];
	const x = (value: number) =>
		left +
		((Math.log10(Math.min(highest, Math.max(lowest, value))) - Math.log10(lowest)) /
			(Math.log10(highest) - Math.log10(lowest))) *
			plot;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`,
		`<text x="${left}" y="20" font-size="14" font-weight="bold">Our nodes ÷ hand-built HTTP Request workflows (less is better; log scale)</text>`,
	];
	for (const tick of [0.01, 0.1, 1, 10, 100]) {
		parts.push(
			`<line x1="${x(tick)}" y1="${top - 8}" x2="${x(tick)}" y2="${height - 40}" stroke="${tick === 1 ? '#333333' : '#dddddd'}"/>`,
		);
		parts.push(`<text x="${x(tick)}" y="${height - 24}" text-anchor="middle">${tick}×</text>`);
	}
	rows.forEach((row, index) => {
		const y = top + index * rowHeight;
		const better = row.median <= 1;
		parts.push(`<text x="${left - 8}" y="${y + 15}" text-anchor="end">${escape(row.row)}</text>`);
		const from = x(Math.min(1, row.median));
		const to = x(Math.max(1, row.median));
		parts.push(
			`<rect x="${from}" y="${y + 4}" width="${Math.max(1, to - from)}" height="14" fill="${better ? '#2e7d32' : '#c62828'}"/>`,
		);
		parts.push(
			`<line x1="${x(row.min)}" y1="${y + 11}" x2="${x(row.max)}" y2="${y + 11}" stroke="#000000"/>`,
		);
		for (const end of [row.min, row.max])
			parts.push(
				`<line x1="${x(end)}" y1="${y + 6}" x2="${x(end)}" y2="${y + 16}" stroke="#000000"/>`,
			);
		parts.push(
			`<text x="${to + 4}" y="${y + 15}" fill="#333333">${row.median.toFixed(row.median < 0.1 ? 3 : 2)}</text>`,
		);
	});
	parts.push('</svg>');
	return parts.join('\n');
}
