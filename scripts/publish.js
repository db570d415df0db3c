#!/usr/bin/env node
// Publishes the package a release tag names (`n8n-nodes-docjuris@0.2.0`) from its folder,
// packages/<name>/, with npm provenance (so n8n's scanner can find and lint the attested source).
// Refuses a tag whose package is unknown or whose version differs from packages/<name>/package.json,
// and a folder that would not pack byte for byte into the tarball the tests checked, so what is
// published is what was tested. Real publishing needs npm 11.5.1 or later (trusted publishing).
//   node scripts/publish.js n8n-nodes-docjuris@0.2.0     publish (in GitHub Actions)
//   node scripts/publish.js --dry-run <tag>              every check, then `npm publish --dry-run`
//   node scripts/publish.js --dry-run --all              the same for each package at its version (npm test)
'use strict';

const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const { packages, root } = require('./packages');

const TRUSTED_PUBLISHING_NPM = [11, 5, 1];

function fail(message) {
	process.stderr.write(`publish: ${message}\n`);
	process.exit(1);
}

function npmSupportsTrustedPublishing() {
	const version = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
	const parts = version.split('.').map(Number);
	for (let index = 0; index < 3; index++) {
		if (parts[index] !== TRUSTED_PUBLISHING_NPM[index])
			return { ok: parts[index] > TRUSTED_PUBLISHING_NPM[index], version };
	}
	return { ok: true, version };
}

function publish(tag, dryRun) {
	const match = /^(n8n-nodes-[a-z0-9-]+)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag ?? '');
	if (!match) fail(`"${tag ?? ''}" is not a release tag such as n8n-nodes-docjuris@0.2.0`);
	const [, name, version] = match;
	const pkg = packages.find((candidate) => candidate.name === name);
	if (!pkg)
		fail(
			`no package ${name}; the packages are ${packages.map((candidate) => candidate.name).join(', ')}`,
		);
	if (pkg.version !== version)
		fail(`the tag says ${version} but packages/${name}/package.json has ${pkg.version}`);
	const tested = path.join(root, 'build', 'tarballs', `${name}-${version}.tgz`);
	if (!existsSync(tested))
		fail(
			`${path.relative(process.cwd(), tested)} is missing: run npm run build (npm test builds it)`,
		);

	// npm packs a folder deterministically: the same files give the same bytes as the tested tarball.
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], {
			cwd: pkg.dir,
			encoding: 'utf8',
		}),
	);
	const testedSha1 = createHash('sha1').update(readFileSync(tested)).digest('hex');
	if (packed.shasum !== testedSha1) {
		fail(
			`packages/${name} would pack into ${packed.shasum}, not the tested ${path.basename(tested)} (${testedSha1}): run npm test again`,
		);
	}

	const npmArgs = ['publish', '--access', 'public', '--provenance'];
	if (dryRun) npmArgs.push('--dry-run');
	else {
		const npm = npmSupportsTrustedPublishing();
		if (!npm.ok)
			fail(
				`npm ${npm.version} cannot use trusted publishing; use npm ${TRUSTED_PUBLISHING_NPM.join('.')} or later`,
			);
	}
	process.stdout.write(`publish: in packages/${name}: npm ${npmArgs.join(' ')}\n`);
	try {
		// A dry run's tarball listing is long: keep it for a failure.
		execFileSync('npm', npmArgs, {
			cwd: pkg.dir,
			stdio: dryRun ? 'pipe' : 'inherit',
			encoding: 'utf8',
		});
	} catch (error) {
		fail(`npm publish failed for ${name}: ${error.message}\n${error.stderr ?? ''}`);
	}
	process.stdout.write(
		`publish: ${name}@${version} ${dryRun ? 'passed the dry run' : 'published'}\n`,
	);
}

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
if (args.includes('--all')) {
	if (!dryRun) fail('--all publishes nothing for real; use it with --dry-run');
	for (const pkg of packages) publish(`${pkg.name}@${pkg.version}`, true);
} else {
	publish(
		args.find((arg) => !arg.startsWith('--')),
		dryRun,
	);
}
