/**
 * What a user installs: each packed tarball holds exactly its vendor's nodes and credentials, with
 * codex files, light and dark icons, README and LICENSE, no tests or source maps, and no runtime
 * dependencies; every entry point loads and its class is named after its file, as n8n's loader needs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { builtTarball } from '../kit/n8n';

const load = createRequire(__filename);
const { packages } = load('../../scripts/packages.js') as {
	packages: Array<{ name: string; vendorDir: string }>;
};
const root = path.resolve(__dirname, '..', '..');

interface Icon {
	light: string;
	dark: string;
}

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (name, pkg) => {
	const tarball = builtTarball(name);
	const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((file) => file.replace(/^package\//, ''));
	const manifest = JSON.parse(
		execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	);
	const unpacked = path.join(root, 'packages', name);

	it('declares itself as a dependency-free community package', () => {
		expect(manifest.name).toBe(name);
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.license).toBe('MIT');
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('points its homepage at its own README, with no keyword twice, as committed in its folder', () => {
		expect(manifest.homepage).toMatch(new RegExp(`/tree/main/packages/${name}#readme$`));
		expect(new Set(manifest.keywords).size).toBe(manifest.keywords.length);
		// The published manifest is the committed one, not one generated at build time.
		expect(manifest).toEqual(
			JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8')),
		);
	});

	it('ships its entry points, codex, README and LICENSE, and nothing of tests, sources or other vendors', () => {
		for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
			expect(files).toContain(entry);
		for (const node of manifest.n8n.nodes as string[])
			expect(files).toContain(node.replace(/\.js$/, '.json'));
		expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
		expect(files.filter((file) => /(^|\/)test\/|\.map$|\.ts$|node_modules/.test(file))).toEqual([]);
		const vendorDirs = new Set(
			files.filter((file) => file.startsWith('dist/nodes/')).map((file) => file.split('/')[2]),
		);
		expect([...vendorDirs].sort()).toEqual([pkg.vendorDir, 'shared'].sort());
	});

	it('loads every node and credential, with classes named after their files and their icons present', () => {
		for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials] as string[]) {
			const file = path.join(unpacked, entry);
			const className = path.basename(entry).split('.')[0];
			const exported = load(file)[className];
			expect(typeof exported).toBe('function');
			const instance = new exported();
			const icon = (instance.description?.icon ?? instance.icon) as Icon;
			for (const variant of [icon.light, icon.dark]) {
				expect(variant).toMatch(/^file:.+\.svg$/);
				expect(existsSync(path.resolve(path.dirname(file), variant.slice('file:'.length)))).toBe(
					true,
				);
			}
			expect(icon.light).not.toBe(icon.dark);
		}
	});
});
