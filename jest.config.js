/** Unit tests: no network (nock), no n8n process. End-to-end tests have their own config. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/unit/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFilesAfterEnv: ['<rootDir>/test/helpers/nockSetup.ts'],
	testTimeout: 20000,
};
