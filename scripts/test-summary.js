// Prints one closing line for everything `npm test` ran: "N passed, N failed".
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'build', 'test-results');
let passed = 0;
let failed = 0;
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
	if (!file.endsWith('.json')) continue;
	const result = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	passed += result.numPassedTests;
	failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
