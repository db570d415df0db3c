/**
 * The local sandbox behind `npm start`: vendor simulators on 127.0.0.1, and a real n8n with the
 * packed packages installed as a user would, sandbox credentials pointing at the simulators and
 * the example workflows imported. Runs until Ctrl-C.
 */
import path from 'node:path';

import { builtTarball, N8nInstance, type N8nLine } from '../test/e2e/n8n';
import { DocJurisSimulator } from '../test/simulators/docjuris';
import { docJurisCredentialFile, docJurisOperationsWorkflow, docJurisTriggerWorkflow } from '../test/e2e/workflows/docjuris';

const line = (process.argv[2] ?? '2') as N8nLine;
const root = path.resolve(__dirname, '..');
const n8nPort = Number(process.env.N8N_PORT ?? 5678);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 5701);

async function main() {
	const docJuris = new DocJurisSimulator({ contractTypeCount: 12 });
	await docJuris.start(simulatorPort);
	const contract = docJuris.seedContract('Sandbox NDA');
	console.log(`DocJuris simulator: ${docJuris.apiBaseUrl} (account ${docJuris.accountId})`);

	const n8n = new N8nInstance({ line, userFolder: process.env.SANDBOX_DIR ?? path.join(root, '.n8n-local') });
	n8n.port = n8nPort;
	console.log('Installing the packages into the sandbox user folder...');
	await n8n.installPackages([builtTarball('n8n-nodes-docjuris')]);
	await n8n.importCredentials(docJurisCredentialFile(docJuris.apiBaseUrl, docJuris.accountId, docJuris.apiKey));
	await n8n.importWorkflow(docJurisOperationsWorkflow(docJuris.url));
	await n8n.importWorkflow(docJurisTriggerWorkflow(`${docJuris.url}/_sim/sink`));
	console.log('Starting n8n...');
	await n8n.start();
	await n8n.rest('GET', '/workflows/djTrigger0000001');

	const turnId = contract.turnIds[0];
	console.log(`
n8n ${line === '1' ? '1.123.50' : '2.41.1'} is running: http://127.0.0.1:${n8nPort}
Sign in as ${N8nInstance.OWNER.email} / ${N8nInstance.OWNER.password}

Loaded: n8n-nodes-docjuris (DocJuris, DocJuris Trigger), credential "DocJuris sandbox".
Example workflows: "DocJuris: contract intake, turn and download" (run it), and
"DocJuris: turn events to a sink" (activate it, then fire an event):
  curl -X POST ${docJuris.url}/_sim/turns/${turnId}/complete
  curl ${docJuris.url}/_sim/sink        # what the workflow forwarded
Press Ctrl-C to stop.`);

	const stop = async () => {
		await n8n.stop();
		await docJuris.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
