/**
 * The local sandbox behind `npm start`: vendor simulators on 127.0.0.1, and a real n8n with the
 * packed packages installed as a user would, sandbox credentials pointing at the simulators, and the
 * sandbox and examples/ workflows imported once (a later start keeps the user's edits). Runs until
 * Ctrl-C.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { simulatorCredentials } from '../test/kit/credentials';
import { builtTarball, N8nInstance, type N8nLine } from '../test/kit/n8n';
import { DocJurisSimulator } from '../test/kit/simulators/docjuris';
import { DocketAlarmSimulator, SIM_COURT, SIM_DOCKET } from '../test/kit/simulators/docketalarm';
import { DocketwiseSimulator } from '../test/kit/simulators/docketwise';
import { DocuMineSimulator } from '../test/kit/simulators/documine';
import {
	docJurisOperationsWorkflow,
	docJurisTriggerWorkflow,
} from '../test/kit/workflows/docjuris';
import {
	docuMineOperationsWorkflow,
	docuMineTriggerWorkflow,
} from '../test/kit/workflows/documine';
import {
	docketwiseOperationsWorkflow,
	docketwiseTriggerWorkflow,
} from '../test/kit/workflows/docketwise';
import {
	DA_TRIGGER_WEBHOOK_ID,
	docketAlarmOperationsWorkflow,
	docketAlarmTriggerWorkflow,
} from '../test/kit/workflows/docketalarm';
import { allExamples, EXAMPLE_SUBFOLDERS } from '../test/kit/workflows/examples';

const line = (process.argv[2] ?? '2') as N8nLine;
const root = path.resolve(__dirname, '..');
const n8nPort = Number(process.env.N8N_PORT ?? 5678);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 5701);

async function main() {
	const docJuris = new DocJurisSimulator({ contractTypeCount: 12 });
	await docJuris.start(simulatorPort);
	const contract = docJuris.seedContract('Sandbox NDA');
	console.log(`DocJuris simulator: ${docJuris.apiBaseUrl} (account ${docJuris.accountId})`);
	const docketAlarm = new DocketAlarmSimulator();
	await docketAlarm.start(simulatorPort + 1);
	console.log(`Docket Alarm simulator: ${docketAlarm.url} (user ${docketAlarm.username})`);
	const pushSecret = 'sandbox-push-secret-0123456789';
	const docketwise = new DocketwiseSimulator({ contacts: 25 });
	await docketwise.start(simulatorPort + 2);
	console.log(`Docketwise simulator: ${docketwise.url} (OAuth client ${docketwise.clientId})`);
	const docuMine = new DocuMineSimulator();
	await docuMine.start(simulatorPort + 3);
	console.log(`DocuMine simulator: ${docuMine.url} (workspace ${docuMine.workspaceId})`);

	const userFolder = process.env.SANDBOX_DIR ?? path.join(root, '.n8n-local', `n8n-${line}`);
	// Files the examples read and write (n8n may touch only this folder).
	const filesFolder = path.join(userFolder, 'files');
	for (const folder of EXAMPLE_SUBFOLDERS)
		mkdirSync(path.join(filesFolder, folder), { recursive: true });
	const n8n = new N8nInstance({
		line,
		userFolder,
		env: { N8N_RESTRICT_FILE_ACCESS_TO: filesFolder, N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
	});
	n8n.port = n8nPort;
	console.log('Installing the packages into the sandbox user folder...');
	await n8n.installPackages([
		builtTarball('n8n-nodes-docjuris'),
		builtTarball('n8n-nodes-docket-alarm'),
		builtTarball('n8n-nodes-docketwise'),
		builtTarball('n8n-nodes-documine'),
	]);
	// Credentials are imported on every start: the simulators start afresh, with new tokens.
	await n8n.importCredentials(
		simulatorCredentials({ docJuris, docketAlarm, docketwise, docuMine }),
	);
	const workflows = [
		docJurisOperationsWorkflow(docJuris.url),
		docJurisTriggerWorkflow(`${docJuris.url}/_sim/sink`),
		docketAlarmOperationsWorkflow(SIM_COURT, SIM_DOCKET),
		docketAlarmTriggerWorkflow(`${docketAlarm.url}/_sim/sink`, {}, pushSecret),
		docketwiseOperationsWorkflow(docketwise.url),
		docketwiseTriggerWorkflow(`${docketwise.url}/_sim/sink`),
		docuMineOperationsWorkflow(docuMine.url),
		docuMineTriggerWorkflow(`${docuMine.url}/_sim/sink`),
		...Object.values(
			allExamples(filesFolder, {
				docketAlarm: `${docketAlarm.url}/_sim/sink`,
				docJuris: `${docJuris.url}/_sim/sink`,
			}),
		),
	];
	// Workflows are imported once: n8n 2.x saves edits as they are made, and a re-import would undo them.
	const importedList = path.join(userFolder, 'sandbox-imported.json');
	const imported = new Set<string>(
		existsSync(importedList) ? (JSON.parse(readFileSync(importedList, 'utf8')) as string[]) : [],
	);
	const missing = workflows.filter((workflow) => !imported.has(workflow.id));
	if (missing.length) {
		await n8n.importWorkflows(missing);
		writeFileSync(
			importedList,
			JSON.stringify([...imported, ...missing.map((workflow) => workflow.id)]),
		);
	}
	console.log(
		`Workflows: ${missing.length} imported, ${workflows.length - missing.length} kept as you left them.`,
	);
	// In real life Docket Alarm support sets the account's push URL; the sandbox does it here.
	docketAlarm.pushUrl = `http://127.0.0.1:${n8nPort}/webhook/${DA_TRIGGER_WEBHOOK_ID}/webhook?token=${pushSecret}`;
	console.log('Starting n8n...');
	await n8n.start();
	await n8n.rest('GET', '/workflows/djTrigger0000001');

	const turnId = contract.turnIds[0];
	// n8n 2.x publishes a workflow to make its triggers live; 1.x activates it.
	const activate = line === '1' ? 'activate' : 'publish';
	console.log(`
n8n ${line === '1' ? '1.123.50' : '2.41.1'} is running: http://127.0.0.1:${n8nPort}
Sign in as ${N8nInstance.OWNER.email} / ${N8nInstance.OWNER.password}

Loaded packages: n8n-nodes-docjuris, n8n-nodes-docket-alarm, n8n-nodes-docketwise and
n8n-nodes-documine, each with a sandbox credential pointing at its local simulator.
Records to try them on: DocJuris contract ${contract.id} (turn ${turnId}); Docket Alarm docket
${SIM_DOCKET} in ${SIM_COURT}; Docketwise contacts 1 to 25; DocuMine workspace ${docuMine.workspaceId}.
The examples/ workflows are there too; their files go to ${filesFolder}.

DocJuris: run "DocJuris: contract intake, turn and download"; ${activate} "DocJuris: turn
events to a sink", then fire an event:
  curl -X POST ${docJuris.url}/_sim/turns/${turnId}/complete
  curl ${docJuris.url}/_sim/sink
Docket Alarm: run "Docket Alarm: dockets, complaints, PACER and trackers"; ${activate}
"Docket Alarm: new docket entries to a sink", then push new docket entries:
  curl -X POST ${docketAlarm.url}/_sim/push
  curl ${docketAlarm.url}/_sim/sink
Docketwise: run "Docketwise: intake, passport upload and contact list"; ${activate}
"Docketwise: new contacts to a sink" (polls every minute), then add a contact:
  curl -X POST ${docketwise.url}/_sim/contacts -d '{"first_name":"Nora"}'
  curl ${docketwise.url}/_sim/sink
DocuMine: run "DocuMine: upload, wait, components and result package"; ${activate}
"DocuMine: processed files to a sink" (polls every minute), then finish a file:
  curl -X POST "${docuMine.url}/_sim/files?name=report.pdf"
  curl ${docuMine.url}/_sim/sink
Press Ctrl-C to stop.`);

	const stop = async () => {
		await n8n.stop();
		await docJuris.stop();
		await docketAlarm.stop();
		await docketwise.stop();
		await docuMine.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
