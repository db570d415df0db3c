// Builds each vendor's package in its own folder, packages/<name>/ (committed: its package.json,
// README, eslint.config.mjs and links to its sources): copies its compiled nodes, credentials and
// the shared code from dist/ into packages/<name>/dist with its icons, copies the LICENSE beside
// the manifest (npm packs no symlinks), and packs the folder into build/tarballs/<name>-<version>.tgz.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { packages, root } = require('./packages');
const { differences } = require('./link-packages');

const compiled = path.join(root, 'dist');
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

function assemble(pkg) {
	const problems = differences(pkg);
	if (problems.length)
		throw new Error(
			`packages/${pkg.name}: ${problems.join('; ')} (run node scripts/link-packages.js)`,
		);
	const out = path.join(pkg.dir, 'dist');
	fs.rmSync(out, { recursive: true, force: true });
	copyTree(
		path.join(compiled, 'nodes', pkg.vendorDir),
		path.join(out, 'nodes', pkg.vendorDir),
		isRuntimeFile,
	);
	copyTree(path.join(root, 'nodes', pkg.vendorDir), path.join(out, 'nodes', pkg.vendorDir), isIcon);
	copyTree(
		path.join(compiled, 'nodes', 'shared'),
		path.join(out, 'nodes', 'shared'),
		isRuntimeFile,
	);
	for (const credential of pkg.credentials) {
		fs.mkdirSync(path.join(out, 'credentials'), { recursive: true });
		fs.copyFileSync(
			path.join(compiled, 'credentials', credential),
			path.join(out, 'credentials', credential),
		);
	}
	fs.copyFileSync(path.join(root, 'LICENSE'), path.join(pkg.dir, 'LICENSE'));
	for (const entry of [...pkg.manifest.n8n.nodes, ...pkg.manifest.n8n.credentials]) {
		if (!fs.existsSync(path.join(pkg.dir, entry)))
			throw new Error(`${pkg.name}: ${entry} was not built`);
	}
	fs.mkdirSync(tarballsOut, { recursive: true });
	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', tarballsOut], {
		cwd: pkg.dir,
		encoding: 'utf8',
	});
	return path.join(tarballsOut, packed.trim().split('\n').pop());
}

/** The root package.json lists every node and credential (for lint); each must ship in exactly one package. */
function checkRootManifest() {
	const rootN8n = require(path.join(root, 'package.json')).n8n;
	const claimed = packages.flatMap((pkg) => [
		...pkg.manifest.n8n.nodes,
		...pkg.manifest.n8n.credentials,
	]);
	const listed = [...rootN8n.nodes, ...rootN8n.credentials];
	const unclaimed = listed.filter((entry) => !claimed.includes(entry));
	const unlisted = claimed.filter((entry) => !listed.includes(entry));
	const twice = claimed.filter((entry, index) => claimed.indexOf(entry) !== index);
	if (unclaimed.length || unlisted.length || twice.length) {
		throw new Error(
			`package.json "n8n" and packages/*/package.json disagree: unclaimed ${unclaimed}, unlisted ${unlisted}, in two packages ${twice}`,
		);
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
