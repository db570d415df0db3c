/**
 * Everything that runs a real n8n: the end-to-end suites and the hard cases, on n8n 1.123.50 and
 * 2.41.1 (`npm run test:e2e`, `npm run test:hard`, and both under `npm test`, see scripts/test-n8n.sh).
 *
 * One project per kind and line, so that every suite-and-line is a job of its own in one pool of
 * workers: a suite waiting on a clock (polls, restarts, pacing, file processing) leaves the cores to
 * the others, and the pool ends when its longest job does (test/kit/sequencer.js starts those first).
 * Each job keeps to its own n8n, simulators, free ports and temporary folders.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] };
// Suites with no n8n line: they check the packed packages and n8n's verification gates.
const lineFree = ['/test/e2e/packages.test.ts', '/test/e2e/verification.test.ts'];

const project = (kind, line) => ({
	displayName: line ? `${kind}-${line}` : kind,
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch:
		line || kind === 'hard' ? [`**/${kind}/**/*.test.ts`] : lineFree.map((file) => `**${file}`),
	testPathIgnorePatterns:
		line && kind === 'e2e' ? ['/node_modules/', ...lineFree] : ['/node_modules/'],
	setupFiles: line ? [`<rootDir>/test/kit/lines/${line}.js`] : [],
	transform,
});

module.exports = {
	projects: [
		project('e2e'),
		project('e2e', '1'),
		project('e2e', '2'),
		project('hard', '1'),
		project('hard', '2'),
	],
	testSequencer: '<rootDir>/test/kit/sequencer.js',
	reporters: ['default', '<rootDir>/test/kit/resultsReporter.js'],
	// The 50-cycle lifecycle and the 1,000-delivery loads on 2.x take 10-15 minutes on 2 cores.
	testTimeout: 1_800_000,
	// Four jobs at a time on 2 cores: about half of a job's time is waiting, not work.
	maxWorkers: Number(process.env.N8N_TEST_WORKERS ?? 4),
};
