/**
 * What the webhook suites (webhooks.test.ts: abuse, load.test.ts: load) share: an n8n with the
 * DocJuris Trigger, the Docket Alarm Trigger (secret in the URL, its push URL set at the vendor) and
 * a second Docket Alarm Trigger taking Basic credentials, all active; the URLs the vendors call; and
 * deliveries as each vendor sends them.
 */
import { randomUUID } from 'node:crypto';

import { docJurisTriggerWorkflow, TRIGGER_WEBHOOK_ID } from '../kit/workflows/docjuris';
import { DA_TRIGGER_WEBHOOK_ID, docketAlarmTriggerWorkflow } from '../kit/workflows/docketalarm';
import { SIM_COURT, SIM_DOCKET } from '../kit/simulators/docketalarm';
import { waitFor } from '../kit/n8n';
import { HardStack, SECRETS, SUBACCOUNT } from './harness';

export const DJ_WORKFLOW = 'djTrigger0000001';
export const DA_WORKFLOW = 'daTrigger0000001';
export const DA_BASIC_WORKFLOW = 'daTriggerBasic01';
const DA_BASIC_WEBHOOK_ID = '7d1c9e52-2b4a-4f0e-93a1-4b6f1c2d3e44';
export const BASIC = { user: 'docket-alarm-push', password: 'hard-basic-push-password-0c9f' };

/** A second Docket Alarm trigger that takes Basic credentials (its push URL set by hand, as Docket Alarm support would). */
function basicTriggerWorkflow(sinkUrl: string) {
	const source = docketAlarmTriggerWorkflow(sinkUrl, {}, '');
	const trigger = source.nodes[0] as { webhookId: string; parameters: Record<string, unknown> };
	trigger.webhookId = DA_BASIC_WEBHOOK_ID;
	trigger.parameters = {
		...trigger.parameters,
		authentication: 'basicAuth',
		pushSecret: '',
		pushUser: BASIC.user,
		pushPassword: BASIC.password,
		management: {},
	};
	return { ...source, id: DA_BASIC_WORKFLOW, name: 'Docket Alarm: pushes with Basic credentials' };
}

export class WebhookTriggers {
	readonly stack = new HardStack();
	djUrl = '';
	daUrl = '';
	daBasicUrl = '';
	private entryNumber = 100;

	/** Starts n8n with the three triggers active and reads the URLs they registered at the vendors. */
	async start(): Promise<void> {
		const { stack } = this;
		const { docJuris, docketAlarm } = stack.sims;
		await stack.prepare([], { env: { N8N_LOG_LEVEL: 'warn' } });
		docketAlarm.subaccounts.set(SUBACCOUNT.email, {
			username: SUBACCOUNT.email,
			password: SUBACCOUNT.password,
			enabled: true,
			api_push_url: '',
		});
		const management = {
			subaccountEmail: SUBACCOUNT.email,
			subaccountPassword: SUBACCOUNT.password,
			dockets: { docket: [{ court: SIM_COURT, docket: SIM_DOCKET }] },
		};
		await stack.n8n.importWorkflows([
			docJurisTriggerWorkflow(`${docJuris.url}/_sim/sink`),
			docketAlarmTriggerWorkflow(`${docketAlarm.url}/_sim/sink`, management, SECRETS.pushSecret),
			basicTriggerWorkflow(`${docketAlarm.url}/_sim/sink`),
		]);
		await stack.n8n.start();
		for (const id of [DJ_WORKFLOW, DA_WORKFLOW, DA_BASIC_WORKFLOW]) await stack.n8n.activate(id);
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
		this.djUrl = [...docJuris.subscriptions.values()][0].webhookUrl;
		this.daUrl = docketAlarm.subaccounts.get(SUBACCOUNT.email)!.api_push_url;
		this.daBasicUrl = `${stack.n8n.baseUrl}/webhook/${DA_BASIC_WEBHOOK_ID}/webhook`;
		if (!this.djUrl.includes(`/webhook/${TRIGGER_WEBHOOK_ID}/webhook?token=`))
			throw new Error(`unexpected DocJuris subscription URL ${this.djUrl}`);
		if (!this.daUrl.includes(`/webhook/${DA_TRIGGER_WEBHOOK_ID}/webhook?token=`))
			throw new Error(`unexpected Docket Alarm push URL ${this.daUrl}`);
	}

	/** Executions n8n recorded for a workflow (finished or not). */
	async executionCount(workflowId: string): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.stack.n8n.rest<{ count: number }>(
			'GET',
			`/executions?filter=${filter}&limit=1`,
		);
		return page.count;
	}

	/** A DocJuris event about a new contract's latest turn. */
	docJurisMessage(messageId = randomUUID().toUpperCase()) {
		const { docJuris } = this.stack.sims;
		const contract = docJuris.seedContract(`Pushed ${messageId.slice(0, 8)}`);
		return {
			messageId,
			type: 'TurnCompleted',
			contractId: contract.id.toUpperCase(),
			turnId: docJuris.latestTurnId(contract.id),
			sentOn: new Date().toISOString(),
			extendedData: { namedValues: [] },
			tags: [],
		};
	}

	/** A Docket Alarm push of one new filing, never the same filing twice (so no push is a replay). */
	docketAlarmPush() {
		const push = JSON.parse(JSON.stringify(this.stack.sims.docketAlarm.docketPush(1))) as Record<
			string,
			unknown
		>;
		for (const entry of push.docket_report as Array<Record<string, unknown>>)
			entry.number = this.entryNumber++;
		return push;
	}
}
