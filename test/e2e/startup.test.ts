/**
 * Every e2e start of n8n fails when n8n's start-up log reports a node or package it could not load
 * (N8nInstance.start). This suite proves that check can fail: beside our four packages it installs a
 * community package whose node needs a module that is not there, as a broken install would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { builtTarball, N8nInstance, N8N_VERSIONS, type N8nLine } from '../kit/n8n';

const lines = (process.env.E2E_N8N_LINES ?? '1,2')
	.split(',')
	.map((line) => line.trim()) as N8nLine[];

/** Packs a community package whose only node requires a module that is not installed. */
function brokenPackage(dir: string): string {
	const packageDir = path.join(dir, 'n8n-nodes-broken-probe');
	mkdirSync(path.join(packageDir, 'dist', 'nodes'), { recursive: true });
	const manifest = {
		name: 'n8n-nodes-broken-probe',
		version: '1.0.0',
		keywords: ['n8n-community-node-package'],
		files: ['dist'],
		n8n: { n8nNodesApiVersion: 1, nodes: ['dist/nodes/BrokenProbe.node.js'], credentials: [] },
	};
	writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify(manifest));
	writeFileSync(
		path.join(packageDir, 'dist', 'nodes', 'BrokenProbe.node.js'),
		"require('a-module-that-is-not-installed');\nclass BrokenProbe {}\nmodule.exports = { BrokenProbe };\n",
	);
	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {
		cwd: packageDir,
		encoding: 'utf8',
	});
	return path.join(dir, packed.trim().split('\n').pop()!);
}

describe.each(lines)('n8n %s.x start-up check', (line) => {
	const workDir = mkdtempSync(path.join(tmpdir(), 'n8n-startup-'));
	let n8n: N8nInstance;

	afterAll(async () => {
		await n8n?.cleanup();
		rmSync(workDir, { recursive: true, force: true });
	});

	it(`n8n ${N8N_VERSIONS[line]}: a start fails, naming the failure, when n8n cannot load an installed package`, async () => {
		n8n = new N8nInstance({ line });
		const packages = [
			'n8n-nodes-docjuris',
			'n8n-nodes-docket-alarm',
			'n8n-nodes-docketwise',
			'n8n-nodes-documine',
		].map(builtTarball);
		await n8n.installPackages([...packages, brokenPackage(workDir)]);
		await expect(n8n.start()).rejects.toThrow(
			/could not load some nodes or packages:\n(.*\n)*.*Cannot find module 'a-module-that-is-not-installed'/,
		);
	});
});
