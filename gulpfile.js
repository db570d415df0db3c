// `npm run build`: compile the TypeScript once, then assemble one installable package per vendor.
'use strict';

const { series } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { assembleAll } = require('./scripts/assemble-packages');

function clean(done) {
	for (const dir of ['dist', 'build'])
		fs.rmSync(path.join(__dirname, dir), { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		stdio: 'inherit',
		cwd: __dirname,
	});
	done();
}

function assemblePackages(done) {
	for (const tarball of assembleAll()) console.log(`packed ${path.relative(__dirname, tarball)}`);
	done();
}

exports.clean = clean;
exports.build = series(clean, compile, assemblePackages);
exports.default = exports.build;
