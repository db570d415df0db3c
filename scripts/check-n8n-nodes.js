// Loads every node and credential an installed n8n ships (n8n-nodes-base and the AI nodes of
// @n8n/n8n-nodes-langchain), the way n8n does when a workflow first uses one, and fails naming
// those that do not load. n8n loads its own nodes lazily, so a missing module (as `date-fns` once
// was for Extract From File) shows at start-up only as a failure in the first workflow to use it.
//   node -r <n8n install>/node_modules/reflect-metadata scripts/check-n8n-nodes.js <n8n install>
'use strict';

const path = require('node:path');

const installDir = path.resolve(process.argv[2]);
const failed = [];
let loaded = 0;
for (const packageName of ['n8n-nodes-base', '@n8n/n8n-nodes-langchain']) {
	const packageDir = path.join(installDir, 'node_modules', packageName);
	const { n8n } = require(path.join(packageDir, 'package.json'));
	for (const file of [...n8n.nodes, ...n8n.credentials]) {
		try {
			require(path.join(packageDir, file));
			loaded++;
		} catch (error) {
			failed.push(`${packageName}/${file}: ${String(error.message).split('\n')[0]}`);
		}
	}
}
if (failed.length > 0) {
	process.stderr.write(
		`${failed.length} of n8n's own nodes and credentials do not load:\n${failed.join('\n')}\n`,
	);
	process.exit(1);
}
process.stdout.write(`all ${loaded} of n8n's own nodes and credentials load\n`);
