/**
 * Token expiry in the middle of a 1,000-item run (issue "Reliability, security and scale-out",
 * part 5), for every vendor with tokens: an OAuth2 refresh for Docketwise, a password-grant login
 * for DocuMine, a new login for Docket Alarm. No item may be lost or out of place, and tokens are
 * renewed once per expiry, not once per item. The runs go side by side. Docketwise's clock is scaled:
 * its simulator allows 600 calls a minute (not 120) and the credential's Requests per Minute says
 * the same, so the run is still paced (1,000 calls: 600 at once, the rest a minute later) without
 * taking eight minutes.
 */
import { DocketAlarmSimulator } from '../kit/simulators/docketalarm';
import { DocketwiseSimulator } from '../kit/simulators/docketwise';
import { DocuMineSimulator } from '../kit/simulators/documine';
import { callWebhook, HardStack, record, scanForSecrets, SECRETS } from './harness';
import { probes, probeWorkflows, slug, type Json, type Probe } from './probes';

const ITEMS = Number(process.env.HARD_TOKEN_ITEMS ?? 1000);

const stack = new HardStack({
	// Each access token serves 400 calls: the run meets two expiries.
	docketwise: new DocketwiseSimulator({
		clientSecret: SECRETS.docketwiseClientSecret,
		contacts: 3,
		accessTokenMaxUses: 400,
		rateLimit: 600,
	}),
	// Tokens live two seconds: the run meets several expiries, on the clock.
	docuMine: new DocuMineSimulator({ password: SECRETS.docuMinePassword, accessTokenTtlMs: 2_000 }),
	// Each login token serves 300 calls.
	docketAlarm: new DocketAlarmSimulator({
		username: 'clerk@hard-firm.example',
		password: SECRETS.docketAlarmPassword,
		tokenMaxUses: 300,
	}),
});
let all: Probe[];

beforeAll(async () => {
	await stack.prepare([], { env: { N8N_LOG_LEVEL: 'warn', N8N_PAYLOAD_SIZE_MAX: '64' } });
	all = probes(stack).filter((probe) => probe.vendor !== 'DocJuris');
	await stack.n8n.importWorkflows(probeWorkflows(all));
	await stack.n8n.start();
	for (const probe of all) await stack.n8n.activate(probeWorkflows([probe])[0].id);
});

afterAll(async () => {
	await stack.cleanup();
});

/** Token renewals each vendor saw, and how many calls it refused for an expired token. */
function renewals(vendor: string): { renewals: number; refused: number } {
	const { docketwise, docuMine, docketAlarm } = stack.sims;
	if (vendor === 'Docketwise')
		return {
			renewals: docketwise.refreshes,
			refused: docketwise.requestLog.filter((call) => call.status === 401).length,
		};
	if (vendor === 'DocuMine') return { renewals: docuMine.logins, refused: docuMine.refused };
	return {
		renewals: docketAlarm.logins,
		refused: docketAlarm.requestLog.filter((call) => call.authorized === false).length,
	};
}

describe(`token expiry in the middle of ${ITEMS}-item runs`, () => {
	it('loses no item and renews once per expiry', async () => {
		const failures: string[] = [];
		await Promise.all(
			all.map(async (probe) => {
				const base = probe.read.items();
				const inputs = Array.from({ length: ITEMS }, (_, index) => base[index % base.length]);
				const before = renewals(probe.vendor);
				const throttledBefore = stack.sims.docketwise.throttled;
				const started = Date.now();
				const answer = await callWebhook(stack.n8n, `hard-${slug(probe.vendor)}-read`, {
					items: inputs,
				});
				const seconds = (Date.now() - started) / 1000;
				const output = (Array.isArray(answer.body) ? answer.body : []) as Json[];
				const after = renewals(probe.vendor);
				const renewed = after.renewals - before.renewals;
				const errors = output.filter((json) => json.error).length;
				// Docketwise's pace kept (the credential's Requests per Minute matches the simulator's limit).
				const throttled =
					probe.vendor === 'Docketwise' ? stack.sims.docketwise.throttled - throttledBefore : 0;
				const inOrder =
					output.length === ITEMS &&
					output.every(
						(json, index) => probe.read.keyOf(json) === probe.read.keyOfInput(inputs[index]),
					);
				// Expiries the run must meet, from the simulators' settings (DocuMine's from the run's length).
				const expected =
					probe.vendor === 'Docketwise'
						? Math.floor(ITEMS / 400)
						: probe.vendor === 'Docket Alarm'
							? Math.floor(ITEMS / 300)
							: undefined;
				const renewalsOk =
					expected !== undefined
						? renewed >= expected && renewed <= expected + 1
						: renewed >= 2 && renewed <= Math.ceil(seconds / 2) + 2;
				const held =
					answer.status === 200 && inOrder && errors === 0 && renewalsOk && throttled === 0;
				record(
					'Tokens',
					`${probe.vendor}: ${ITEMS} reads, token expiring mid-run (${probe.vendor === 'Docketwise' ? 'OAuth2 refresh' : probe.vendor === 'DocuMine' ? 'password-grant login, 2 s tokens' : 'new login, 300 calls a token'})`,
					held,
					`${output.length} items, ${errors} errors, ${inOrder ? 'in order' : 'NOT in order'}; ${renewed} renewals${expected !== undefined ? ` (expiries: ${expected})` : ''}, ${after.refused - before.refused} calls refused${probe.vendor === 'Docketwise' ? `, ${throttled} throttled` : ''}; ${seconds.toFixed(1)} s`,
				);
				if (!held)
					failures.push(
						`${probe.vendor}: ${output.length} items, ${errors} errors, in order ${inOrder}, ${renewed} renewals; ${JSON.stringify(output.find((json) => json.error) ?? answer.body).slice(0, 300)}`,
					);
			}),
		);
		expect(failures).toEqual([]);
	});

	it('leaves no secret in any stored execution or the log', async () => {
		expect(await scanForSecrets(stack, 'token expiry runs')).toEqual([]);
	});
});
