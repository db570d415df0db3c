/** End-to-end tests: real n8n processes (1.x and 2.x) against the local vendor simulators. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/e2e/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 600000,
	// Two suites at a time: each starts its own n8n, simulators and folders on free ports.
	maxWorkers: 2,
};
