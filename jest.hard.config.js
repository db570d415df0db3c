/** The hard cases (`npm run test:hard`): faults, secrets, webhook abuse, lifecycle, tokens, load, queue mode. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/hard/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 1_800_000,
	// Two suites at a time per n8n line: each has its own n8n, simulators, ports and folders, and
	// much of a suite is waiting (polls, restarts, pacing), not work.
	maxWorkers: 2,
};
