/**
 * Faults (issue "Reliability, security and scale-out", parts 1 and 2): per vendor, a read and a
 * create run in real n8n while the simulator answers 500, 502, 503 with Retry-After, resets the
 * connection, stalls past the timeout, or sends cut-off JSON, an HTML page or nothing. Reads must
 * come through; a create that may have reached the vendor must not be sent again; every failure is
 * a clear error naming its item, one output item per input item, in order. Then every e2e
 * operations workflow runs under sporadic faults, and all that n8n stored and logged is searched
 * for secrets.
 */
import {
	FAULT_KINDS,
	type FaultKind,
	type FaultRule,
	type LocalServer,
} from '../kit/simulators/localServer';
import { docJurisOperationsWorkflow } from '../kit/workflows/docjuris';
import { docketAlarmOperationsWorkflow } from '../kit/workflows/docketalarm';
import { docketwiseOperationsWorkflow } from '../kit/workflows/docketwise';
import { docuMineOperationsWorkflow } from '../kit/workflows/documine';
import { SIM_COURT, SIM_DOCKET } from '../kit/simulators/docketalarm';
import type { WorkflowJson } from '../kit/workflow';
import { callWebhook, HardStack, record, scanForSecrets } from './harness';
import { asWebhookWorkflow, probes, probeWorkflows, slug, type Json, type Probe } from './probes';

const stack = new HardStack();
let all: Probe[];

beforeAll(async () => {
	await stack.prepare([]);
	all = probes(stack);
	const workflows = probeWorkflows(all);
	await stack.n8n.importWorkflows(workflows);
	await stack.n8n.start();
	for (const entry of workflows) await stack.n8n.activate(entry.id);
});

afterAll(async () => {
	await stack.cleanup();
});

/** Runs one probe with a fault switched on; returns the output items and the calls the vendor saw. */
async function runWith(probe: Probe, kind: 'read' | 'create', inputs: Json[], fault: FaultRule) {
	probe.server.clearFaults();
	probe.server.addFault(fault);
	const before = probe.server.servedFaults.length;
	const calls = countCalls(probe.server, kind === 'read' ? probe.read.match : probe.create.match);
	const started = Date.now();
	const answer = await callWebhook(stack.n8n, `hard-${slug(probe.vendor)}-${kind}`, {
		items: inputs,
	});
	probe.server.clearFaults();
	return {
		status: answer.status,
		output: (Array.isArray(answer.body) ? answer.body : []) as Json[],
		answer: answer.body,
		spoiled: probe.server.servedFaults.length - before,
		calls: calls(),
		seconds: (Date.now() - started) / 1000,
	};
}

/** Counts the vendor's calls matching a pattern from now on. */
function countCalls(server: LocalServer, match: RegExp): () => number {
	const start = server.requestLog.length;
	return () => server.requestLog.slice(start).filter((entry) => match.test(entry.call)).length;
}

const describeOutput = (output: Json[]) =>
	output.map((json) => (json.error ? `error: ${String(json.error)}` : 'ok')).join(' | ');

describe(`faults in real n8n`, () => {
	it('reads come through every fault once, items in order', async () => {
		await Promise.all(
			all.map(async (probe) => {
				for (const kind of FAULT_KINDS) {
					const inputs = probe.read.items();
					const result = await runWith(probe, 'read', inputs, { kind, match: probe.read.match });
					const keys = result.output.map((json) => (json.error ? `error` : probe.read.keyOf(json)));
					const held =
						result.status === 200 &&
						result.spoiled === 1 &&
						JSON.stringify(keys) === JSON.stringify(inputs.map(probe.read.keyOfInput));
					record(
						'Faults',
						`${probe.vendor} read ×3, ${kind} once`,
						held,
						`${result.calls} calls, ${result.seconds.toFixed(1)} s; ${held ? '3 records in order' : describeOutput(result.output) || JSON.stringify(result.answer)}`,
					);
					expect({ vendor: probe.vendor, kind, keys }).toEqual({
						vendor: probe.vendor,
						kind,
						keys: inputs.map(probe.read.keyOfInput),
					});
					expect(result.spoiled).toBe(1);
				}
			}),
		);
	});

	it('a read that keeps failing ends, after bounded retries, in a clear error for its item only', async () => {
		const persistent: FaultKind[] = ['http500', 'malformedJson'];
		await Promise.all(
			all.map(async (probe) => {
				for (const kind of persistent) {
					const inputs = probe.read.items();
					const key = probe.read.keyOfInput(inputs[1]);
					const result = await runWith(probe, 'read', inputs, {
						kind,
						match: probe.read.matchOne(key),
						times: Infinity,
					});
					const [first, second, third] = result.output;
					const held =
						result.output.length === 3 &&
						!first.error &&
						!third.error &&
						typeof second.error === 'string' &&
						second.error.includes('[item 1]') &&
						result.spoiled === 4;
					record(
						'Faults',
						`${probe.vendor} read ×3, item 1 always ${kind}`,
						held,
						`${result.spoiled} tries of item 1 (bounded: 1 + 3 retries), ${result.seconds.toFixed(1)} s; item 1: ${String(second?.error)}`,
					);
					expect(result.output.map((json) => Boolean(json.error))).toEqual([false, true, false]);
					expect(second.error).toContain('[item 1]');
					expect(result.spoiled).toBe(4);
				}
			}),
		);
	});

	it('a create whose answer is lost is not sent again: no duplicate at the vendor, a clear error for that item', async () => {
		await Promise.all(
			all.map(async (probe) => {
				for (const kind of FAULT_KINDS) {
					const inputs = probe.create.items(`F-${kind}`);
					// The vendor handles the second create to arrive, and its answer is then lost. That is item
					// 1, or any item where creates go side by side (DocuMine uploads).
					const result = await runWith(probe, 'create', inputs, {
						kind,
						match: probe.create.match,
						when: 'after',
						skip: 1,
					});
					const records = inputs.map(probe.create.records);
					const errors = result.output.map((json) =>
						typeof json.error === 'string' ? json.error : undefined,
					);
					const failed = errors.flatMap((error, index) => (error ? [index] : []));
					const expectedFailed = probe.create.idempotent
						? []
						: probe.create.parallel
							? failed.slice(0, 1)
							: [1];
					const spoiled = failed[0];
					const clear =
						probe.create.idempotent ||
						(spoiled !== undefined &&
							errors[spoiled]!.includes(`[item ${spoiled}]`) &&
							String(result.output[spoiled].errorDetails).includes('may have carried out'));
					const held =
						result.output.length === 3 &&
						records.every((count) => count === 1) &&
						JSON.stringify(failed) === JSON.stringify(expectedFailed) &&
						(probe.create.idempotent || failed.length === 1) &&
						clear &&
						(probe.create.idempotent || result.calls === 3);
					record(
						'Faults',
						`${probe.vendor} create ×3, the answer to the second lost: ${kind}`,
						held,
						`${result.calls} create calls, records per item ${records.join('/')}, ${result.seconds.toFixed(1)} s; ${probe.create.idempotent ? 'upsert re-sent' : `item ${String(spoiled)}: ${String(errors[spoiled ?? 1])}`}`,
					);
					expect({ kind, records }).toEqual({ kind, records: [1, 1, 1] });
					expect({ kind, failed }).toEqual({
						kind,
						failed: probe.create.idempotent
							? []
							: expectedFailed.length
								? expectedFailed
								: ['one item'],
					});
					if (!probe.create.idempotent) {
						expect(result.calls).toBe(3);
						expect(errors[spoiled!]).toContain(`[item ${spoiled}]`);
						expect(String(result.output[spoiled!].errorDetails)).toContain('may have carried out');
					}
				}
			}),
		);
	});

	it('runs every e2e operations workflow under sporadic faults to a successful end', async () => {
		const { docJuris, docketwise, docuMine } = stack.sims;
		const sporadic: FaultRule[] = [
			{ kind: 'http503', match: /^GET /, every: 5, times: Infinity },
			{ kind: 'reset', match: /^GET /, every: 7, times: Infinity },
			{ kind: 'http502', match: /^GET /, every: 9, times: Infinity },
		];
		const e2e = [
			docJurisOperationsWorkflow(docJuris.url),
			docketAlarmOperationsWorkflow(SIM_COURT, SIM_DOCKET),
			docketwiseOperationsWorkflow(docketwise.url),
			docuMineOperationsWorkflow(docuMine.url),
		].map((entry) => asWebhookWorkflow(entry as unknown as WorkflowJson));
		await stack.n8n.importWorkflows(e2e);
		for (const entry of e2e) await stack.n8n.activate(entry.id);
		for (const server of stack.servers) for (const rule of sporadic) server.addFault(rule);
		const before = stack.servers.map((server) => server.servedFaults.length);
		try {
			for (const entry of e2e) {
				const answer = await callWebhook(stack.n8n, `hard-e2e-${entry.id.toLowerCase()}`, {});
				const execution = await stack.n8n.latestExecution(entry.id);
				const held = answer.status === 200 && execution?.status === 'success';
				record(
					'Faults',
					`e2e workflow "${entry.name}" with every 5th/7th/9th GET spoiled (503, reset, 502)`,
					held,
					`execution ${execution?.status ?? 'missing'}`,
				);
				expect({ workflow: entry.name, status: execution?.status }).toEqual({
					workflow: entry.name,
					status: 'success',
				});
			}
		} finally {
			for (const server of stack.servers) server.clearFaults();
		}
		const spoiled = stack.servers.reduce(
			(sum, server, index) => sum + server.servedFaults.length - before[index],
			0,
		);
		expect(spoiled).toBeGreaterThan(4);
	});

	it('leaves no secret in any stored execution or the log', async () => {
		const leaks = await scanForSecrets(stack, 'fault runs');
		expect(leaks).toEqual([]);
	});
});
