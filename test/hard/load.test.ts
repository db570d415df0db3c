/**
 * Webhook triggers under load (issue "Reliability, security and scale-out", part 6): 1,000
 * deliveries at concurrency 20 to the DocJuris Trigger and to the Docket Alarm Trigger, each
 * delivery exactly one execution and one forwarded item. An n8n of its own (beside the abuse cases
 * of webhooks.test.ts): its main process, which runs every webhook execution, is the bottleneck.
 */
import { atConcurrency, post, record, scanForSecrets, type Answer } from './harness';
import { waitFor } from '../kit/n8n';
import { DA_WORKFLOW, DJ_WORKFLOW, WebhookTriggers } from './webhookTriggers';

const triggers = new WebhookTriggers();
const { stack } = triggers;

beforeAll(async () => {
	await triggers.start();
});

afterAll(async () => {
	await stack.cleanup();
});

describe('load: 1,000 deliveries at concurrency 20 to each trigger', () => {
	const DELIVERIES = Number(process.env.HARD_DELIVERIES ?? 1000);

	async function load(
		trigger: string,
		workflowId: string,
		send: (index: number) => Promise<Answer>,
		sinkLength: () => number,
	): Promise<void> {
		const before = await triggers.executionCount(workflowId);
		const sinkBefore = sinkLength();
		const started = Date.now();
		const answers = await atConcurrency(DELIVERIES, 20, send);
		const sendSeconds = (Date.now() - started) / 1000;
		const accepted = answers.filter((answer) => answer.status === 200).length;
		await waitFor(
			'every forwarded item',
			() => (sinkLength() - sinkBefore >= DELIVERIES ? true : undefined),
			600_000,
		).catch(() => undefined);
		// n8n records an execution when it ends, a moment after its last node forwarded the item.
		let executions = 0;
		const deadline = Date.now() + 120_000;
		while (
			(executions = (await triggers.executionCount(workflowId)) - before) < DELIVERIES &&
			Date.now() < deadline
		) {
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		// Anything more would show up now, had a delivery started two executions.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		executions = (await triggers.executionCount(workflowId)) - before;
		const forwarded = sinkLength() - sinkBefore;
		const held = accepted === DELIVERIES && executions === DELIVERIES && forwarded === DELIVERIES;
		record(
			'Load',
			`${trigger}: ${DELIVERIES} deliveries, 20 at a time`,
			held,
			`${accepted} accepted in ${sendSeconds.toFixed(1)} s (${(DELIVERIES / sendSeconds).toFixed(0)}/s), ${executions} executions, ${forwarded} items forwarded after ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
		expect({ accepted, executions, forwarded }).toEqual({
			accepted: DELIVERIES,
			executions: DELIVERIES,
			forwarded: DELIVERIES,
		});
	}

	it('DocJuris Trigger', async () => {
		const messages = Array.from({ length: DELIVERIES }, () => triggers.docJurisMessage());
		await load(
			'DocJuris Trigger',
			DJ_WORKFLOW,
			async (index) => await post(triggers.djUrl, messages[index]),
			() => stack.sims.docJuris.sink.length,
		);
	});

	it('Docket Alarm Trigger', async () => {
		const pushes = Array.from({ length: DELIVERIES }, () => triggers.docketAlarmPush());
		await load(
			'Docket Alarm Trigger',
			DA_WORKFLOW,
			async (index) => await post(triggers.daUrl, pushes[index]),
			() => stack.sims.docketAlarm.sink.length,
		);
	});

	it('leaves no secret in any stored execution or the log', async () => {
		expect(await scanForSecrets(stack, 'webhook load')).toEqual([]);
	});
});
