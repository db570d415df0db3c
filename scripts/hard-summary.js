#!/usr/bin/env node
/**
 * Prints the hard cases' one summary table (what was tried, whether it held, what was measured)
 * from the rows the suites wrote, and keeps it as build/test-results/hard-summary.md.
 */
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'build', 'test-results');
const source = path.join(dir, 'hard-summary.jsonl');
const rows = fs.existsSync(source)
	? fs
			.readFileSync(source, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line))
	: [];
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const lines = [
	`# Hard cases: ${rows.filter((row) => row.held).length} of ${rows.length} held (n8n line ${rows[0]?.line ?? '?'})`,
	'',
	'| Area | Tried | Held | Measured |',
	'|---|---|---|---|',
	...rows.map(
		(row) =>
			`| ${cell(row.area)} | ${cell(row.tried)} | ${row.held ? 'yes' : '**NO**'} | ${cell(row.measured)} |`,
	),
];
const table = lines.join('\n');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'hard-summary.md'), `${table}\n`);
console.log(`\n${table}\n`);
if (rows.some((row) => !row.held)) process.exitCode = 1;
