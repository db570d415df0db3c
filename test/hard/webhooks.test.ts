/**
 * Webhook triggers under abuse (issue "Reliability, security and scale-out", part 3): for the
 * DocJuris and Docket Alarm triggers, calls without or with a wrong secret, wrong Basic credentials,
 * malformed and oversized bodies and replays start no execution; a valid delivery starts exactly
 * one. (The 1,000-delivery load: load.test.ts, on an n8n of its own beside this one.)
 */
import { post, record, scanForSecrets, SECRETS, type Answer } from './harness';
import {
	BASIC,
	DA_BASIC_WORKFLOW,
	DA_WORKFLOW,
	DJ_WORKFLOW,
	WebhookTriggers,
} from './webhookTriggers';

const triggers = new WebhookTriggers();
const { stack } = triggers;

beforeAll(async () => {
	await triggers.start();
});

afterAll(async () => {
	await stack.cleanup();
});

const withoutQuery = (url: string) => url.split('?')[0];
const basicHeader = (user: string, password: string) => ({
	Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

interface AbuseCase {
	tried: string;
	send(): Promise<Answer>;
	/** Acceptable answers (the call must start nothing either way). */
	statuses: number[];
}

async function expectNoExecution(
	trigger: string,
	workflowId: string,
	cases: AbuseCase[],
): Promise<void> {
	for (const abuse of cases) {
		const before = await triggers.executionCount(workflowId);
		const answer = await abuse.send();
		// A delivery that was accepted by mistake would start its execution within this time.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const started = (await triggers.executionCount(workflowId)) - before;
		const held = abuse.statuses.includes(answer.status) && started === 0;
		const said =
			typeof answer.body === 'object' ? JSON.stringify(answer.body) : String(answer.body ?? '');
		record(
			'Webhooks',
			`${trigger}: ${abuse.tried}`,
			held,
			`HTTP ${answer.status} ${said.slice(0, 90)}; ${started} executions`,
		);
		expect({ tried: abuse.tried, started }).toEqual({ tried: abuse.tried, started: 0 });
		expect({ tried: abuse.tried, accepted: abuse.statuses.includes(answer.status) }).toEqual({
			tried: abuse.tried,
			accepted: true,
		});
	}
}

async function expectOneExecution(
	trigger: string,
	workflowId: string,
	send: () => Promise<Answer>,
): Promise<void> {
	const before = await triggers.executionCount(workflowId);
	const answer = await send();
	const deadline = Date.now() + 30_000;
	let started = 0;
	while (Date.now() < deadline) {
		started = (await triggers.executionCount(workflowId)) - before;
		if (started >= 1) break;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	await new Promise((resolve) => setTimeout(resolve, 1500));
	started = (await triggers.executionCount(workflowId)) - before;
	record(
		'Webhooks',
		`${trigger}: a valid delivery`,
		answer.status === 200 && started === 1,
		`HTTP ${answer.status}, ${started} executions`,
	);
	expect(answer.status).toBe(200);
	expect(started).toBe(1);
}

const OVERSIZED = Buffer.alloc(17 * 1024 * 1024, 0x20);

describe('webhook triggers refuse what they must and start one execution per real delivery', () => {
	it('DocJuris Trigger', async () => {
		const valid = triggers.docJurisMessage();
		await expectOneExecution(
			'DocJuris Trigger',
			DJ_WORKFLOW,
			async () => await post(triggers.djUrl, valid),
		);
		await expectNoExecution('DocJuris Trigger', DJ_WORKFLOW, [
			{
				tried: 'the same messageId again (a replay)',
				send: async () => await post(triggers.djUrl, valid),
				statuses: [200],
			},
			{
				tried: 'a replay with the messageId in lower case',
				send: async () =>
					await post(triggers.djUrl, { ...valid, messageId: valid.messageId.toLowerCase() }),
				statuses: [200],
			},
			{
				tried: 'no secret',
				send: async () => await post(withoutQuery(triggers.djUrl), triggers.docJurisMessage()),
				statuses: [401],
			},
			{
				tried: 'a wrong secret',
				send: async () =>
					await post(
						`${withoutQuery(triggers.djUrl)}?token=${'0'.repeat(64)}`,
						triggers.docJurisMessage(),
					),
				statuses: [401],
			},
			{
				tried: 'Basic credentials instead of the secret',
				send: async () =>
					await post(
						withoutQuery(triggers.djUrl),
						triggers.docJurisMessage(),
						basicHeader(stack.sims.docJuris.accountId, SECRETS.docJurisApiKey),
					),
				statuses: [401],
			},
			{
				tried: 'malformed JSON',
				send: async () => await post(triggers.djUrl, '{"messageId": "x", "type": "TurnComp'),
				statuses: [400, 422, 500],
			},
			{
				tried: 'a body that is not an event',
				send: async () => await post(triggers.djUrl, { hello: 'world' }),
				statuses: [400],
			},
			// Refused by n8n's body parser before the node sees it (n8n 1.x answers 500 for it).
			{
				tried: 'an oversized body (17 MB, over N8N_PAYLOAD_SIZE_MAX)',
				send: async () => await post(triggers.djUrl, OVERSIZED),
				statuses: [413, 500],
			},
		]);
	});

	it('Docket Alarm Trigger (secret in the URL)', async () => {
		const valid = triggers.docketAlarmPush();
		await expectOneExecution(
			'Docket Alarm Trigger',
			DA_WORKFLOW,
			async () => await post(triggers.daUrl, valid),
		);
		await expectNoExecution('Docket Alarm Trigger', DA_WORKFLOW, [
			{
				tried: 'the same push again (a replay)',
				send: async () => await post(triggers.daUrl, valid),
				statuses: [200],
			},
			{
				tried: 'no secret',
				send: async () => await post(withoutQuery(triggers.daUrl), triggers.docketAlarmPush()),
				statuses: [401],
			},
			{
				tried: 'a wrong secret',
				send: async () =>
					await post(
						`${withoutQuery(triggers.daUrl)}?token=wrong-secret-wrong-secret`,
						triggers.docketAlarmPush(),
					),
				statuses: [401],
			},
			{
				tried: 'malformed JSON',
				send: async () => await post(triggers.daUrl, '{"push_type": "docket", "court'),
				statuses: [400, 422, 500],
			},
			{
				tried: 'a body that is not a push',
				send: async () => await post(triggers.daUrl, { hello: 'world' }),
				statuses: [400],
			},
			{
				tried: 'an oversized body (17 MB, over N8N_PAYLOAD_SIZE_MAX)',
				send: async () => await post(triggers.daUrl, OVERSIZED),
				statuses: [413, 500],
			},
		]);
	});

	it('Docket Alarm Trigger (Basic credentials)', async () => {
		const valid = triggers.docketAlarmPush();
		await expectOneExecution(
			'Docket Alarm Trigger, Basic',
			DA_BASIC_WORKFLOW,
			async () => await post(triggers.daBasicUrl, valid, basicHeader(BASIC.user, BASIC.password)),
		);
		await expectNoExecution('Docket Alarm Trigger, Basic', DA_BASIC_WORKFLOW, [
			{
				tried: 'the same push again (a replay)',
				send: async () =>
					await post(triggers.daBasicUrl, valid, basicHeader(BASIC.user, BASIC.password)),
				statuses: [200],
			},
			{
				tried: 'no credentials',
				send: async () => await post(triggers.daBasicUrl, triggers.docketAlarmPush()),
				statuses: [401],
			},
			{
				tried: 'a wrong password',
				send: async () =>
					await post(
						triggers.daBasicUrl,
						triggers.docketAlarmPush(),
						basicHeader(BASIC.user, 'wrong-password'),
					),
				statuses: [401],
			},
			{
				tried: 'a wrong user',
				send: async () =>
					await post(
						triggers.daBasicUrl,
						triggers.docketAlarmPush(),
						basicHeader('someone-else', BASIC.password),
					),
				statuses: [401],
			},
			{
				tried: 'a Basic header that is not base64 user:password',
				send: async () =>
					await post(triggers.daBasicUrl, triggers.docketAlarmPush(), {
						Authorization: 'Basic %%%',
					}),
				statuses: [401],
			},
		]);
	});

	it('leaves no secret in any stored execution or the log', async () => {
		expect(await scanForSecrets(stack, 'webhook abuse')).toEqual([]);
	});
});
