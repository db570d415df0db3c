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
const lineNames = [...new Set(rows.map((row) => row.line))];

// How long each suite took on each line, from jest's results (hard-<line>.json).
const suiteTimes = fs
	.readdirSync(dir)
	.filter((file) => /^hard-\w+\.json$/.test(file))
	.flatMap((file) => {
		const line = file.slice('hard-'.length, -'.json'.length);
		const result = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		return result.testResults.map((suite) => ({
			line,
			suite: path.basename(suite.name, '.test.ts'),
			seconds: Math.round((suite.endTime - suite.startTime) / 1000),
			passed: suite.status === 'passed',
		}));
	});

const lines = [
	`# Hard cases: ${rows.filter((row) => row.held).length} of ${rows.length} held (n8n line ${lineNames.join(' and ') || '?'})`,
	'',
	'| Line | Area | Tried | Held | Measured |',
	'|---|---|---|---|---|',
	...rows.map(
		(row) =>
			`| ${cell(row.line)} | ${cell(row.area)} | ${cell(row.tried)} | ${row.held ? 'yes' : '**NO**'} | ${cell(row.measured)} |`,
	),
	'',
	'| Line | Suite | Passed | Took |',
	'|---|---|---|---|',
	...suiteTimes.map(
		(time) =>
			`| ${time.line} | ${time.suite} | ${time.passed ? 'yes' : '**NO**'} | ${time.seconds} s |`,
	),
];
const table = lines.join('\n');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'hard-summary.md'), `${table}\n`);
console.log(`\n${table}\n`);
if (rows.some((row) => !row.held)) process.exitCode = 1;
