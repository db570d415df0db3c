/**
 * Scale-out (issue "Reliability, security and scale-out", part 7): the same workflows and triggers
 * in n8n's queue mode, with a main process, two workers and a webhook process sharing PostgreSQL
 * and Redis (Debian's, on 127.0.0.1). Executions move between processes: reads and creates under
 * faults, tokens renewed by whichever worker meets the expiry, webhook deliveries received by the
 * webhook process and run by the workers, and a polling trigger on the main process.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { docJurisOperationsWorkflow, docJurisTriggerWorkflow } from '../kit/workflows/docjuris';
import {
	docketAlarmOperationsWorkflow,
	docketAlarmTriggerWorkflow,
} from '../kit/workflows/docketalarm';
import {
	docketwiseOperationsWorkflow,
	docketwiseTriggerWorkflow,
} from '../kit/workflows/docketwise';
import { docuMineOperationsWorkflow } from '../kit/workflows/documine';
import { freePort, N8nInstance, waitFor } from '../kit/n8n';
import { DocketAlarmSimulator, SIM_COURT, SIM_DOCKET } from '../kit/simulators/docketalarm';
import { codeNode, type WorkflowJson } from '../kit/workflow';
import {
	atConcurrency,
	callWebhook,
	findLeaks,
	HARD_LINE,
	HardStack,
	post,
	record,
	scanForSecrets,
	SECRETS,
	SUBACCOUNT,
} from './harness';
import {
	asWebhookWorkflow,
	probes,
	probeWorkflow,
	probeWorkflows,
	slug,
	type Json,
	type Probe,
} from './probes';
import { QueueServices } from './services';

const services = new QueueServices();
// Login tokens that serve 100 calls: workers meet expiries at different times. (A token must serve
// more calls than are in flight at once, here 5 runs × 15 items, or a renewed token can be used up
// before every waiting call has had its turn, which no real Docket Alarm token comes near.)
const stack = new HardStack({
	docketAlarm: new DocketAlarmSimulator({
		username: 'clerk@hard-firm.example',
		password: SECRETS.docketAlarmPassword,
		tokenMaxUses: 100,
	}),
});
let workers: N8nInstance[] = [];
let webhookProcess: N8nInstance;
let all: Probe[];
let e2e: WorkflowJson[];
const CODE_WORKFLOW = 'hardCodeOnWorker';

/**
 * Docket Alarm reads followed by a Code node: on n8n 2.x, whose task runners are always on, the
 * worker running the execution hands the code to its own runner (internal mode: a child process
 * each worker launches and brokers for, as n8n's task-runner docs describe for workers).
 */
function codeOnWorkersWorkflow(read: Probe): WorkflowJson {
	const checked = codeNode(
		'Mark Checked',
		'return $input.all().map((item) => ({ json: { ...item.json, checkedByCode: true } }));',
	);
	return probeWorkflow(CODE_WORKFLOW, 'hard-code-on-workers', [read.read.node, checked]);
}

beforeAll(async () => {
	await services.start();
	const webhookPort = await freePort();
	const env = {
		...services.n8nEnvironment,
		WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
		N8N_LOG_LEVEL: 'info',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
	};
	await stack.prepare([], { env });
	const { docJuris, docketAlarm, docketwise, docuMine } = stack.sims;
	all = probes(stack);
	e2e = [
		docJurisOperationsWorkflow(docJuris.url),
		docketAlarmOperationsWorkflow(SIM_COURT, SIM_DOCKET),
		docketwiseOperationsWorkflow(docketwise.url),
		docuMineOperationsWorkflow(docuMine.url),
	].map((entry) => asWebhookWorkflow(entry as unknown as WorkflowJson));
	docketAlarm.subaccounts.set(SUBACCOUNT.email, {
		username: SUBACCOUNT.email,
		password: SUBACCOUNT.password,
		enabled: true,
		api_push_url: '',
	});
	await stack.n8n.importWorkflows([
		...probeWorkflows(all),
		...e2e,
		codeOnWorkersWorkflow(all.find((probe) => probe.vendor === 'Docket Alarm')!),
		docJurisTriggerWorkflow(`${docJuris.url}/_sim/sink`),
		docketAlarmTriggerWorkflow(
			`${docketAlarm.url}/_sim/sink`,
			{ subaccountEmail: SUBACCOUNT.email, subaccountPassword: SUBACCOUNT.password },
			SECRETS.pushSecret,
		),
		docketwiseTriggerWorkflow(`${docketwise.url}/_sim/sink`),
	] as Array<{ id: string }>);
	await stack.n8n.start();
	const shared = { line: HARD_LINE, userFolder: stack.n8n.userFolder, env };
	webhookProcess = new N8nInstance({ ...shared, port: webhookPort, command: 'webhook' });
	workers = [
		new N8nInstance({ ...shared, command: 'worker' }),
		new N8nInstance({ ...shared, command: 'worker' }),
	];
	await Promise.all([
		webhookProcess.start(),
		...workers.map(async (worker) => await worker.start()),
	]);
	for (const entry of [...probeWorkflows(all), ...e2e]) await stack.n8n.activate(entry.id);
	await stack.n8n.activate(CODE_WORKFLOW);
	await stack.n8n.activate('djTrigger0000001');
	await stack.n8n.activate('daTrigger0000001');
	await waitFor(
		'the DocJuris subscriptions',
		() => (docJuris.subscriptions.size === 5 ? true : undefined),
		60_000,
	);
	await waitFor(
		'the Docket Alarm push URL',
		() => (docketAlarm.subaccounts.get(SUBACCOUNT.email)!.api_push_url ? true : undefined),
		60_000,
	);
});

afterAll(async () => {
	// The processes' logs, for a failure's post-mortem (a folder per line: both lines run at once).
	const logs = path.join(__dirname, '..', '..', 'build', 'test-results', `queue-logs-${HARD_LINE}`);
	mkdirSync(logs, { recursive: true });
	[stack.n8n, webhookProcess, ...workers].forEach(
		(process, index) =>
			process &&
			writeFileSync(
				path.join(logs, `${['main', 'webhook', 'worker-1', 'worker-2'][index]}.log`),
				process.fullLog,
			),
	);
	for (const process of [webhookProcess, ...workers]) await process?.stop();
	await stack.cleanup();
	await services.stop();
});

/** Jobs each worker took, read from its log. */
function jobsPerWorker(): number[] {
	return workers.map((worker) => (worker.fullLog.match(/Worker started execution/g) ?? []).length);
}

const viaWebhookProcess = async (path: string, body: unknown) =>
	await callWebhook(stack.n8n, path, body, webhookProcess.baseUrl);

describe('queue mode: main, two workers and a webhook process on PostgreSQL and Redis', () => {
	it('runs reads and creates under faults through the webhook process on the workers, with no duplicate', async () => {
		const problems: string[] = [];
		for (const probe of all) {
			probe.server.addFault({ kind: 'http503', match: probe.read.match });
			const inputs = probe.read.items();
			const read = await viaWebhookProcess(`hard-${slug(probe.vendor)}-read`, { items: inputs });
			const keys = (Array.isArray(read.body) ? read.body : []).map((json: Json) =>
				json.error ? 'error' : probe.read.keyOf(json),
			);
			const readHeld = JSON.stringify(keys) === JSON.stringify(inputs.map(probe.read.keyOfInput));

			probe.server.addFault({ kind: 'reset', match: probe.create.match, when: 'after', skip: 1 });
			const created = probe.create.items(`Q-${slug(probe.vendor)}`);
			const create = await viaWebhookProcess(`hard-${slug(probe.vendor)}-create`, {
				items: created,
			});
			probe.server.clearFaults();
			const output = (Array.isArray(create.body) ? create.body : []) as Json[];
			const records = created.map(probe.create.records);
			const failed = output.flatMap((json, index) => (json.error ? [index] : []));
			// The second create to arrive is item 1, or any item where creates go side by side.
			const namesItsItem =
				failed.length === 1 &&
				(probe.create.parallel || failed[0] === 1) &&
				String(output[failed[0]].error).includes(`[item ${failed[0]}]`);
			const createHeld =
				output.length === 3 &&
				records.every((count) => count === 1) &&
				(probe.create.idempotent ? failed.length === 0 : namesItsItem);
			record(
				'Queue mode',
				`${probe.vendor}: read ×3 with a 503, create ×3 with the answer to the second cut`,
				readHeld && createHeld,
				`read: ${keys.join(', ')}; create records per item ${records.join('/')}`,
			);
			if (!readHeld || !createHeld)
				problems.push(
					`${probe.vendor}: read ${keys.join(',')}; create ${records.join('/')} ${JSON.stringify(output).slice(0, 200)}`,
				);
		}
		expect(problems).toEqual([]);
	});

	it('runs every e2e operations workflow on the workers', async () => {
		const problems: string[] = [];
		for (const entry of e2e) {
			const answer = await viaWebhookProcess(`hard-e2e-${entry.id.toLowerCase()}`, {});
			const execution = await stack.n8n.latestExecution(entry.id);
			const held = answer.status === 200 && execution?.status === 'success';
			record(
				'Queue mode',
				`e2e workflow "${entry.name}"`,
				held,
				`execution ${execution?.status ?? 'missing'}`,
			);
			if (!held) problems.push(`${entry.name}: ${answer.status} ${execution?.status}`);
		}
		expect(problems).toEqual([]);
	});

	it('runs a Code node after our node on the workers (on 2.x in the task runner of each worker)', async () => {
		const probe = all.find((entry) => entry.vendor === 'Docket Alarm')!;
		const inputs = probe.read.items();
		const answers = await atConcurrency(
			6,
			3,
			async () => await viaWebhookProcess('hard-code-on-workers', { items: inputs }),
		);
		const complete = answers.filter((answer) => {
			const output = (Array.isArray(answer.body) ? answer.body : []) as Json[];
			return (
				output.length === inputs.length &&
				output.every(
					(json, index) =>
						json.checkedByCode === true &&
						!json.error &&
						probe.read.keyOf(json) === probe.read.keyOfInput(inputs[index]),
				)
			);
		}).length;
		// 2.x: each worker's broker on a port of its own, and its runner registered with it.
		const brokers = workers.map(
			(worker) => /Task Broker ready on [^,]+, port (\d+)/.exec(worker.fullLog)?.[1] ?? 'none',
		);
		const runners = workers.filter((worker) => worker.fullLog.includes('Registered runner')).length;
		const runnersHeld =
			HARD_LINE === '1' ||
			(new Set(brokers).size === 2 && !brokers.includes('none') && runners === 2);
		const held = complete === 6 && runnersHeld;
		record(
			'Queue mode',
			'Docket Alarm read then a Code node, 6 runs 3 at a time on the workers',
			held,
			`${complete}/6 runs complete, every item marked by the code; ${
				HARD_LINE === '1'
					? 'task runners off (1.x runs code in the worker)'
					: `task brokers on ports ${brokers.join('/')}, runners registered ${runners}/2`
			}`,
		);
		expect({ complete, runnersHeld }).toEqual({ complete: 6, runnersHeld: true });
	});

	it('renews tokens wherever an execution meets the expiry: 10 runs of 60 Docket Alarm reads side by side', async () => {
		const probe = all.find((entry) => entry.vendor === 'Docket Alarm')!;
		const base = probe.read.items();
		const inputs = Array.from({ length: 60 }, (_, index) => base[index % base.length]);
		const loginsBefore = stack.sims.docketAlarm.logins;
		const answers = await atConcurrency(
			10,
			5,
			async () => await viaWebhookProcess(`hard-${slug(probe.vendor)}-read`, { items: inputs }),
		);
		const outputs = answers.map(
			(answer) => (Array.isArray(answer.body) ? answer.body : []) as Json[],
		);
		const complete = outputs.filter(
			(output) =>
				output.length === 60 &&
				output.every(
					(json, index) =>
						!json.error && probe.read.keyOf(json) === probe.read.keyOfInput(inputs[index]),
				),
		).length;
		const firstError = outputs.flat().find((json) => json.error)?.error;
		const logins = stack.sims.docketAlarm.logins - loginsBefore;
		const held = complete === 10;
		record(
			'Queue mode',
			'Docket Alarm: 10 runs × 60 reads, 5 at a time across two workers, tokens of 100 calls',
			held,
			`${complete}/10 runs complete and in order; ${logins} logins for 600 calls; jobs per worker so far ${jobsPerWorker().join('/')}${firstError ? `; first error: ${String(firstError)}` : ''}`,
		);
		expect(complete).toBe(10);
	});

	it('takes webhook deliveries on the webhook process: one execution each, replays and forgeries none', async () => {
		const { docJuris, docketAlarm } = stack.sims;
		const url = [...docJuris.subscriptions.values()][0].webhookUrl;
		const pushUrl = docketAlarm.subaccounts.get(SUBACCOUNT.email)!.api_push_url;
		const deliveries = 100;
		const messages = Array.from({ length: deliveries }, () => {
			const contract = docJuris.seedContract(`Queue ${randomUUID().slice(0, 8)}`);
			return {
				messageId: randomUUID().toUpperCase(),
				type: 'TurnCompleted',
				contractId: contract.id.toUpperCase(),
				turnId: docJuris.latestTurnId(contract.id),
				sentOn: new Date().toISOString(),
				tags: [],
			};
		});
		const sinkBefore = docJuris.sink.length;
		const answers = await atConcurrency(
			deliveries,
			20,
			async (index) => await post(url, messages[index]),
		);
		const replays = await atConcurrency(10, 5, async (index) => await post(url, messages[index]));
		const forged = await post(url.split('?')[0], messages[0]);
		const push = docketAlarm.docketPush(1);
		const pushed = await post(pushUrl, push);
		await waitFor(
			'every forwarded event',
			() => (docJuris.sink.length - sinkBefore >= deliveries ? true : undefined),
			120_000,
		).catch(() => undefined);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const forwarded = docJuris.sink.length - sinkBefore;
		const accepted = answers.filter((answer) => answer.status === 200).length;
		const held =
			accepted === deliveries &&
			forwarded === deliveries &&
			forged.status === 401 &&
			replays.every((answer) => answer.status === 200) &&
			pushed.status === 200;
		record(
			'Queue mode',
			`DocJuris Trigger: ${deliveries} deliveries at concurrency 20, 10 replays, 1 forged; a Docket Alarm push`,
			held,
			`${accepted} accepted, ${forwarded} events forwarded by the workers (replays dropped), forged → HTTP ${forged.status}, push → HTTP ${pushed.status}; jobs per worker ${jobsPerWorker().join('/')}`,
		);
		expect({ accepted, forwarded, forged: forged.status }).toEqual({
			accepted: deliveries,
			forwarded: deliveries,
			forged: 401,
		});
		await waitFor(
			'the pushed entry',
			() => (docketAlarm.sink.length >= 1 ? true : undefined),
			60_000,
		);
	});

	it('polls on the main process and runs what it finds on a worker, each event once', async () => {
		const { docketwise } = stack.sims;
		const polls = () =>
			docketwise.requestLog.filter((entry) => entry.call.startsWith('GET /api/v1/contacts')).length;
		const before = polls();
		await stack.n8n.activate('dwTrigger0000001');
		await waitFor('the first poll', () => (polls() > before ? true : undefined), 90_000);
		const added = [
			docketwise.addContact({ first_name: 'Queue', last_name: 'One' }),
			docketwise.addContact({ first_name: 'Queue', last_name: 'Two' }),
		];
		await waitFor(
			'the new contacts',
			() => (docketwise.sink.length >= 2 ? true : undefined),
			150_000,
		).catch(() => undefined);
		const after = polls();
		await waitFor('one more poll', () => (polls() > after ? true : undefined), 90_000);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const emitted = (docketwise.sink as Json[]).map((contact) => contact.id);
		const held = JSON.stringify(emitted) === JSON.stringify(added.map((contact) => contact.id));
		record(
			'Queue mode',
			'Docketwise polling trigger: 2 contacts added',
			held,
			`${emitted.length} emitted; jobs per worker ${jobsPerWorker().join('/')}`,
		);
		expect(emitted).toEqual(added.map((contact) => contact.id));
		await stack.n8n.deactivate('dwTrigger0000001');
	});

	it('spreads executions over both workers and leaks no secret in executions or any log', async () => {
		const jobs = jobsPerWorker();
		record(
			'Queue mode',
			'executions shared by the two workers',
			jobs.every((count) => count > 0),
			`jobs per worker ${jobs.join('/')}`,
		);
		expect(jobs.every((count) => count > 0)).toBe(true);
		const leaks = await scanForSecrets(stack, 'queue mode (main log)');
		const processLogs = Object.fromEntries(
			[webhookProcess, ...workers].map((process, index) => [
				index === 0 ? 'webhook process log' : `worker ${index} log`,
				process.fullLog,
			]),
		);
		const more = findLeaks(processLogs, stack.secrets());
		record(
			'Secrets',
			'queue mode: the webhook process and worker logs',
			more.length === 0,
			`${more.length} found`,
		);
		expect([...leaks, ...more]).toEqual([]);
	});
});
