/**
 * n8n's verification gates, run here the way n8n runs them, for each package:
 * - the scanner's source leg (`@n8n/scan-community-package`, its own exported functions) on a
 *   `git archive HEAD` of this repository, as it lints the provenance-attested commit: it must find
 *   the package folder by name, lint exactly the package's node and credential sources, pass, and
 *   catch a violation planted in a linked source file;
 * - its tarball leg on the packed tarball;
 * - `n8n-node lint` and `n8n-node cloud-support` (`@n8n/node-cli`, on Node 24) in the package folder;
 * - the release's `npm publish --provenance --dry-run` from the package folder.
 * The scanner and the CLI come from the locks in test/installs.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
	appendFileSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { builtTarball, installLocked, node24BinDir } from '../kit/n8n';

const run = promisify(execFile);
const load = createRequire(__filename);
const root = path.resolve(__dirname, '..', '..');
const { packages } = load('../../scripts/packages.js') as {
	packages: Array<{ name: string; version: string; dir: string; vendorDir: string }>;
};
const { expectedLinks } = load('../../scripts/link-packages.js') as {
	expectedLinks: (pkg: unknown) => Map<string, string>;
};

interface ScanResult {
	packageRoot: string | null;
	files: string[];
	passed: boolean;
	message?: string;
	details?: string;
}

const scannerDir = installLocked('scanner');
// Jest sets NODE_ENV=test, which makes eslint-plugin-n8n-nodes-base treat every file as `Test.node.ts`.
const childEnv = Object.fromEntries(
	Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV'),
);
const cliDir = installLocked('node-cli');

async function scan(leg: 'source' | 'tarball', folder: string, name?: string): Promise<ScanResult> {
	const script = path.join(__dirname, 'scan-package.mjs');
	const { stdout } = await run(
		process.execPath,
		[script, scannerDir, leg, folder, ...(name ? [name] : [])],
		{ env: childEnv, maxBuffer: 64 * 1024 * 1024 },
	);
	return JSON.parse(stdout) as ScanResult;
}

/** Runs `n8n-node <args>` in a package folder under Node 24, with the CLI's modules beside it. */
async function nodeCli(
	packageDir: string,
	args: string[],
): Promise<{ code: number; output: string }> {
	const modules = path.join(packageDir, 'node_modules');
	rmSync(modules, { recursive: true, force: true });
	// The default eslint.config.mjs imports '@n8n/node-cli/eslint' from the package folder.
	symlinkSync(path.join(cliDir, 'node_modules'), modules);
	const env = {
		...childEnv,
		PATH: `${node24BinDir(cliDir)}:${process.env.PATH}`,
		NO_COLOR: '1',
		CI: 'true',
	};
	const bin = path.join(cliDir, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
	try {
		const { stdout, stderr } = await run('node', [bin, ...args], {
			cwd: packageDir,
			env,
			maxBuffer: 64 * 1024 * 1024,
		});
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failure = error as { code?: number; stdout?: string; stderr?: string };
		return { code: failure.code ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
	} finally {
		rmSync(modules, { force: true });
	}
}

const PLANTED = '\nexport const plantedByVerificationTest = process.env.PLANTED_SECRET;\n';

describe('n8n verification gates', () => {
	let checkout: string;

	beforeAll(() => {
		// What the scanner downloads from GitHub for the attested commit: the committed tree, symlinks included.
		checkout = mkdtempSync(path.join(tmpdir(), 'scan-source-'));
		execFileSync('bash', ['-c', `git -C "${root}" archive HEAD | tar -x -C "${checkout}"`]);
	});

	afterAll(() => rmSync(checkout, { recursive: true, force: true }));

	describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (name, pkg) => {
		const sources = [...expectedLinks(pkg).keys()].filter((file) => /\.(js|ts|json)$/.test(file));

		it("passes the scanner's source leg on git archive HEAD, linting exactly its node and credential sources", async () => {
			const result = await scan('source', checkout, name);
			expect(result.packageRoot).toBe(path.join(checkout, 'packages', name));
			expect(result.files).toEqual([...sources, 'package.json'].sort());
			expect(result.details ?? '').toBe('');
			expect(result.passed).toBe(true);
		});

		it('is caught by the source leg when a linked node file reads process.env', async () => {
			const nodeFile = path.join(checkout, 'nodes', pkg.vendorDir, `${pkg.vendorDir}.node.ts`);
			const original = readFileSync(nodeFile, 'utf8');
			appendFileSync(nodeFile, PLANTED);
			try {
				const result = await scan('source', checkout, name);
				expect(result.passed).toBe(false);
				expect(result.details).toContain(
					path.join('packages', name, 'nodes', pkg.vendorDir, `${pkg.vendorDir}.node.ts`),
				);
				expect(result.details).toContain('@n8n/community-nodes/no-restricted-globals');
			} finally {
				writeFileSync(nodeFile, original);
			}
		});

		it("passes the scanner's tarball leg on the packed tarball", async () => {
			const unpacked = mkdtempSync(path.join(tmpdir(), 'scan-tarball-'));
			try {
				execFileSync('tar', ['-xzf', builtTarball(name), '-C', unpacked, '--strip-components=1']);
				const shipped = execFileSync('tar', ['-tzf', builtTarball(name)], { encoding: 'utf8' })
					.trim()
					.split('\n')
					.map((file) => file.replace(/^package\//, ''))
					.filter((file) => file.endsWith('.js') || file === 'package.json');
				const result = await scan('tarball', unpacked);
				expect(result.files).toEqual(shipped.sort());
				expect(result.details ?? '').toBe('');
				expect(result.passed).toBe(true);
			} finally {
				rmSync(unpacked, { recursive: true, force: true });
			}
		});

		it('passes n8n-node lint in its package folder and is eligible for n8n Cloud', async () => {
			const lint = await nodeCli(pkg.dir, ['lint']);
			expect(lint.output).not.toMatch(/\d+ problems?|Strict mode violation/);
			expect(lint.code).toBe(0);
			const support = await nodeCli(pkg.dir, ['cloud-support']);
			expect(support.output).toContain('eligible for n8n Cloud verification');
			expect(support.output).not.toContain('NOT eligible');
		});

		it('passes the release dry run: npm publish --provenance from its folder, packing the tested tarball', async () => {
			const { stdout } = await run(
				process.execPath,
				[path.join(root, 'scripts', 'publish.js'), '--dry-run', `${name}@${pkg.version}`],
				{ cwd: root },
			);
			expect(stdout).toContain(
				`in packages/${name}: npm publish --access public --provenance --dry-run`,
			);
			expect(stdout).toContain(`${name}@${pkg.version} passed the dry run`);
		});

		it('fails n8n-node lint when a linked node file reads process.env (the lint follows the links)', async () => {
			const packageDir = path.join(checkout, 'packages', name);
			const nodeFile = path.join(checkout, 'nodes', pkg.vendorDir, `${pkg.vendorDir}.node.ts`);
			const original = readFileSync(nodeFile, 'utf8');
			appendFileSync(nodeFile, PLANTED);
			try {
				const lint = await nodeCli(packageDir, ['lint']);
				expect(lint.output).toContain('no-restricted-globals');
				expect(lint.code).not.toBe(0);
			} finally {
				writeFileSync(nodeFile, original);
			}
		});
	});
});
