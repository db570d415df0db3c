// Runs n8n's verification scanner (@n8n/scan-community-package, its own exported functions, from
// the locked install in test/installs/scanner) on a local folder, the way its CLI does after it has
// downloaded a package: the source leg on the provenance-attested checkout, the tarball leg on the
// unpacked tarball. Prints one JSON object, so the jest suite (CommonJS) can call it as a process.
//   node scan-package.mjs <scanner install> source <checkout> <package name>
//   node scan-package.mjs <scanner install> tarball <unpacked tarball>
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [installDir, leg, folder, packageName] = process.argv.slice(2);
const scannerDir = path.join(installDir, 'node_modules', '@n8n', 'scan-community-package');
const scanner = await import(pathToFileURL(path.join(scannerDir, 'scanner', 'scanner.mjs')).href);
// The scanner picks its files with fast-glob; list them with its own copy and its own options.
const glob = createRequire(path.join(scannerDir, 'package.json'))('fast-glob');

const packageRoot = leg === 'source' ? scanner.findPackageRoot(folder, packageName) : folder;
const patterns = leg === 'source' ? scanner.SOURCE_FILE_PATTERNS : ['**/*.js', 'package.json'];
const result = packageRoot
	? await scanner.analyzePackage(packageRoot, patterns)
	: { passed: false, message: 'package root not found' };
const files = packageRoot
	? glob
			.sync(patterns, { cwd: packageRoot, ignore: ['node_modules/**', '**/package-lock.json'] })
			.sort()
	: [];
process.stdout.write(
	JSON.stringify({
		packageRoot,
		patterns,
		files,
		passed: result.passed,
		message: result.message,
		details: result.details,
	}),
);
