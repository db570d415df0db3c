/** The hard cases (`npm run test:hard`): faults, secrets, webhook abuse, lifecycle, tokens, load, queue mode. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/hard/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 1_800_000,
	maxWorkers: 1,
};
