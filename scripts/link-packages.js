#!/usr/bin/env node
// Keeps each package folder's view of its sources: packages/<name>/nodes/** and
// packages/<name>/credentials/** hold one relative symlink per source file of that package (its
// vendor's folder under nodes/ and nodes/shared, its credentials), so every file is written once.
// Links are per file, not per folder, because `eslint .` (what `n8n-node lint` runs) does not
// descend into symlinked folders, while it does lint symlinked files.
//   node scripts/link-packages.js           (re)creates the links
//   node scripts/link-packages.js --check   exits 1, saying what differs, if a link is missing,
//                                           stale or extra (a new source file needs a link)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { packages, root } = require('./packages');

/** Every file under `dir`, relative to it (the vendor README lives in the package folder instead). */
function filesUnder(dir) {
	return fs
		.readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

/** What a package's folder must link: { linkPath relative to the package folder: target source file }. */
function expectedLinks(pkg) {
	const links = new Map();
	for (const sourceDir of [pkg.vendorDir, 'shared']) {
		for (const file of filesUnder(path.join(root, 'nodes', sourceDir))) {
			links.set(path.join('nodes', sourceDir, file), path.join(root, 'nodes', sourceDir, file));
		}
	}
	for (const credential of pkg.credentials) {
		const source = credential.replace(/\.js$/, '.ts');
		links.set(path.join('credentials', source), path.join(root, 'credentials', source));
	}
	return links;
}

/** The symlinks a package folder has now under nodes/ and credentials/, and anything else there. */
function presentEntries(pkg) {
	const present = new Map();
	for (const top of ['nodes', 'credentials']) {
		const dir = path.join(pkg.dir, top);
		if (!fs.existsSync(dir)) continue;
		for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
			if (entry.isDirectory()) continue;
			const full = path.join(entry.parentPath, entry.name);
			const target = entry.isSymbolicLink()
				? path.resolve(path.dirname(full), fs.readlinkSync(full))
				: undefined;
			present.set(path.relative(pkg.dir, full), target);
		}
	}
	return present;
}

function differences(pkg) {
	const expected = expectedLinks(pkg);
	const present = presentEntries(pkg);
	const problems = [];
	for (const [link, target] of expected) {
		if (!present.has(link)) problems.push(`missing link ${link}`);
		else if (present.get(link) !== target)
			problems.push(`${link} is not a link to ${path.relative(root, target)}`);
	}
	for (const link of present.keys()) if (!expected.has(link)) problems.push(`extra file ${link}`);
	return problems;
}

function link(pkg) {
	for (const top of ['nodes', 'credentials'])
		fs.rmSync(path.join(pkg.dir, top), { recursive: true, force: true });
	for (const [link, target] of expectedLinks(pkg)) {
		const at = path.join(pkg.dir, link);
		fs.mkdirSync(path.dirname(at), { recursive: true });
		fs.symlinkSync(path.relative(path.dirname(at), target), at);
	}
}

module.exports = { expectedLinks, differences };

if (require.main === module) {
	const check = process.argv.includes('--check');
	let failed = false;
	for (const pkg of packages) {
		if (!check) link(pkg);
		const problems = differences(pkg);
		for (const problem of problems) process.stderr.write(`packages/${pkg.name}: ${problem}\n`);
		failed ||= problems.length > 0;
	}
	if (failed) {
		process.stderr.write(
			'Run `node scripts/link-packages.js` to link every source file into its package folder.\n',
		);
		process.exit(1);
	}
	process.stdout.write(
		`${check ? 'checked' : 'linked'} the sources of ${packages.length} package folders\n`,
	);
}
