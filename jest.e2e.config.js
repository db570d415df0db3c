/** End-to-end tests: real n8n processes (1.x and 2.x) against the local vendor simulators. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/e2e/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 600000,
	maxWorkers: 1,
};
