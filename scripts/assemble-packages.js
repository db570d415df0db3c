// Assembles one installable package per vendor from the compiled tree in dist/:
// build/packages/<name>/ (package.json with its own `n8n` block, README, LICENSE, only its own
// nodes, credentials and the shared code) and build/tarballs/<name>-<version>.tgz.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { packages, repository, author } = require('./packages');

const root = path.resolve(__dirname, '..');
const compiled = path.join(root, 'dist');
const packagesOut = path.join(root, 'build', 'packages');
const tarballsOut = path.join(root, 'build', 'tarballs');

function copyTree(from, to, keep) {
	for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name);
		const target = path.join(to, entry.name);
		if (entry.isDirectory()) {
			copyTree(source, target, keep);
		} else if (keep(entry.name)) {
			fs.mkdirSync(to, { recursive: true });
			fs.copyFileSync(source, target);
		}
	}
}

const isRuntimeFile = (name) => name.endsWith('.js') || name.endsWith('.json');
const isIcon = (name) => name.endsWith('.svg') || name.endsWith('.png');

function manifestFor(pkg) {
	return {
		name: pkg.name,
		version: pkg.version,
		description: pkg.description,
		keywords: ['n8n-community-node-package', 'n8n', 'legal', ...pkg.keywords],
		license: 'MIT',
		homepage: `${repository}#readme`,
		author,
		repository: { type: 'git', url: `git+${repository}.git` },
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: pkg.credentials.map((file) => `dist/credentials/${file}`),
			nodes: pkg.nodes.map((file) => `dist/nodes/${file}`),
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
}

function assemble(pkg) {
	const out = path.join(packagesOut, pkg.name);
	fs.rmSync(out, { recursive: true, force: true });
	copyTree(path.join(compiled, 'nodes', pkg.vendorDir), path.join(out, 'dist', 'nodes', pkg.vendorDir), isRuntimeFile);
	copyTree(path.join(root, 'nodes', pkg.vendorDir), path.join(out, 'dist', 'nodes', pkg.vendorDir), isIcon);
	copyTree(path.join(compiled, 'nodes', 'shared'), path.join(out, 'dist', 'nodes', 'shared'), isRuntimeFile);
	for (const credential of pkg.credentials) {
		fs.mkdirSync(path.join(out, 'dist', 'credentials'), { recursive: true });
		fs.copyFileSync(path.join(compiled, 'credentials', credential), path.join(out, 'dist', 'credentials', credential));
	}
	fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(manifestFor(pkg), null, '\t') + '\n');
	fs.copyFileSync(path.join(root, 'nodes', pkg.vendorDir, 'README.md'), path.join(out, 'README.md'));
	fs.copyFileSync(path.join(root, 'LICENSE'), path.join(out, 'LICENSE'));
	for (const entry of [...pkg.nodes.map((n) => `dist/nodes/${n}`), ...pkg.credentials.map((c) => `dist/credentials/${c}`)]) {
		if (!fs.existsSync(path.join(out, entry))) throw new Error(`${pkg.name}: ${entry} was not built`);
	}
	fs.mkdirSync(tarballsOut, { recursive: true });
	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', tarballsOut], { cwd: out, encoding: 'utf8' });
	return path.join(tarballsOut, packed.trim().split('\n').pop());
}

/** The root package.json lists every node and credential (for lint); each must ship in exactly one package. */
function checkRootManifest() {
	const root_n8n = require(path.join(root, 'package.json')).n8n;
	const claimed = packages.flatMap((pkg) => [
		...pkg.nodes.map((file) => `dist/nodes/${file}`),
		...pkg.credentials.map((file) => `dist/credentials/${file}`),
	]);
	const listed = [...root_n8n.nodes, ...root_n8n.credentials];
	const unclaimed = listed.filter((entry) => !claimed.includes(entry));
	const unlisted = claimed.filter((entry) => !listed.includes(entry));
	const twice = claimed.filter((entry, index) => claimed.indexOf(entry) !== index);
	if (unclaimed.length || unlisted.length || twice.length) {
		throw new Error(`package.json "n8n" and scripts/packages.js disagree: unclaimed ${unclaimed}, unlisted ${unlisted}, in two packages ${twice}`);
	}
}

function assembleAll() {
	checkRootManifest();
	fs.rmSync(tarballsOut, { recursive: true, force: true });
	return packages.map(assemble);
}

module.exports = { assembleAll };

if (require.main === module) {
	for (const tarball of assembleAll()) process.stdout.write(`${path.relative(root, tarball)}\n`);
}
