// The installable packages this repository builds: one per vendor (n8n accepts one third-party
// service per package). Each has a committed folder `packages/<name>/` holding the package.json that
// is published, its README, n8n's default eslint.config.mjs and links to its own sources in nodes/
// and credentials/, so n8n's verification scanner and `n8n-node lint` find it by name.
// A package name is part of every saved node type, so never rename one.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const packagesDir = path.join(root, 'packages');

/** The folder name under nodes/ that holds a package's nodes (all of a package's nodes share one). */
function vendorDirOf(manifest) {
	const dirs = new Set(manifest.n8n.nodes.map((entry) => entry.split('/')[2]));
	if (dirs.size !== 1)
		throw new Error(
			`${manifest.name}: its nodes must live in one folder under nodes/, found ${[...dirs]}`,
		);
	return [...dirs][0];
}

/**
 * @typedef {{ name: string, version: string, dir: string, vendorDir: string, manifest: any,
 *   nodes: string[], credentials: string[] }} PackageInfo
 * @type {PackageInfo[]}
 */
const packages = fs
	.readdirSync(packagesDir, { withFileTypes: true })
	.filter(
		(entry) =>
			entry.isDirectory() && fs.existsSync(path.join(packagesDir, entry.name, 'package.json')),
	)
	.map((entry) => {
		const dir = path.join(packagesDir, entry.name);
		const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		if (manifest.name !== entry.name)
			throw new Error(
				`packages/${entry.name}/package.json is named ${manifest.name}; the folder must carry the package name`,
			);
		return {
			name: manifest.name,
			version: manifest.version,
			dir,
			vendorDir: vendorDirOf(manifest),
			manifest,
			// Relative to dist/nodes and dist/credentials, as the assembly copies them.
			nodes: manifest.n8n.nodes.map((entry) => entry.replace(/^dist\/nodes\//, '')),
			credentials: manifest.n8n.credentials.map((entry) =>
				entry.replace(/^dist\/credentials\//, ''),
			),
		};
	});

module.exports = { packages, root };
