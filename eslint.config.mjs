// Lint = the rules of @n8n/node-cli's strict config (the community-nodes plugin's `recommended`
// set, which n8n's package scanner also runs, plus eslint-plugin-n8n-nodes-base), applied to the
// node and credential source and to every package folder (its package.json and built JS;
// like the CLI's config, the n8n-nodes-base node and credential rules read the TypeScript source).
// Tests and scripts get the TypeScript rules only: they never ship and may use Node's modules.
import eslint from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts', 'packages/*/dist/**/*.js'];

export default tseslint.config(
	// packages/<name>/{nodes,credentials} link to the sources linted here; `n8n-node lint` lints them
	// in each package folder with n8n's own default config (test/e2e/verification.test.ts).
	{
		ignores: [
			'dist/**',
			'**/node_modules/**',
			'coverage/**',
			'.n8n-local/**',
			'packages/*/nodes/**',
			'packages/*/credentials/**',
			'**/eslint.config.mjs',
		],
	},
	{
		files: ['**/*.ts'],
		extends: [eslint.configs.recommended, tseslint.configs.recommended],
		rules: { 'prefer-spread': 'off' },
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		ignores: shipped,
		extends: [eslint.configs.recommended],
		languageOptions: {
			sourceType: 'commonjs',
			globals: {
				require: 'readonly',
				module: 'writable',
				process: 'readonly',
				__dirname: 'readonly',
				console: 'readonly',
				exports: 'writable',
			},
		},
	},
	{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: shipped,
		...n8nCommunityNodesPlugin.configs.recommended,
		rules: { ...n8nCommunityNodesPlugin.configs.recommended.rules, 'no-console': 'error' },
	},
	{
		files: ['packages/*/package.json'],
		...n8nCommunityNodesPlugin.configs.recommended,
		rules: {
			...n8nCommunityNodesPlugin.configs.recommended.rules,
			...n8nNodesBase.configs.community.rules,
		},
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
