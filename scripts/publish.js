#!/usr/bin/env node
// Publishes the package a release tag names (`n8n-nodes-docjuris@0.2.0`) from the tarball the
// build and the tests produced, with npm provenance. Refuses a tag whose package is unknown or whose
// version differs from scripts/packages.js, so what is published is what was tested.
// `--dry-run` checks everything and asks npm for a dry run instead.
'use strict';

const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const { packages } = require('./packages');

function fail(message) {
	process.stderr.write(`publish: ${message}\n`);
	process.exit(1);
}

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const tag = args.find((arg) => !arg.startsWith('--'));
const match = /^(n8n-nodes-[a-z0-9-]+)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag ?? '');
if (!match) fail(`"${tag ?? ''}" is not a release tag such as n8n-nodes-docjuris@0.2.0`);
const [, name, version] = match;
const pkg = packages.find((candidate) => candidate.name === name);
if (!pkg) fail(`no package ${name}; the packages are ${packages.map((candidate) => candidate.name).join(', ')}`);
if (pkg.version !== version) fail(`the tag says ${version} but scripts/packages.js has ${name} at ${pkg.version}`);
const tarball = path.join(__dirname, '..', 'build', 'tarballs', `${name}-${version}.tgz`);
if (!existsSync(tarball)) fail(`${path.relative(process.cwd(), tarball)} is missing: run npm run build (npm test builds it)`);

const npmArgs = ['publish', tarball, '--access', 'public', '--provenance'];
if (dryRun) npmArgs.push('--dry-run');
process.stdout.write(`publish: npm ${npmArgs.join(' ')}\n`);
execFileSync('npm', npmArgs, { stdio: 'inherit' });
