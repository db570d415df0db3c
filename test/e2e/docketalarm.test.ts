/**
 * Docket Alarm end to end: the packed n8n-nodes-docket-alarm in real n8n 1.x and 2.x against the
 * local Docket Alarm simulator. E2E_N8N_LINES=1 or =2 runs one line only.
 */
import { DocketAlarmSimulator, SIM_COURT, SIM_DOCKET } from '../kit/simulators/docketalarm';
import { builtTarball, N8nInstance, N8N_VERSIONS, waitFor, type N8nLine } from '../kit/n8n';
import {
	DA_TRIGGER_WEBHOOK_ID,
	docketAlarmCredentialFile,
	CUSTOM_CALL_CREDENTIALS,
	docketAlarmCustomCallWorkflow,
	docketAlarmOperationsWorkflow,
	docketAlarmTriggerWorkflow,
} from '../kit/workflows/docketalarm';

const lines = (process.env.E2E_N8N_LINES ?? '1,2')
	.split(',')
	.map((line) => line.trim()) as N8nLine[];
const USERNAME = 'clerk@e2e-firm.example';
const PASSWORD = 'e2e-da-password-8841';
const PUSH_SECRET = 'e2e-push-secret-0123456789';

describe.each(lines)('Docket Alarm in n8n %s.x', (line) => {
	// Each token serves five calls, so the operations workflow meets an expired token mid-run.
	const simulator = new DocketAlarmSimulator({
		username: USERNAME,
		password: PASSWORD,
		tokenMaxUses: 5,
	});
	let n8n: N8nInstance;

	beforeAll(async () => {
		await simulator.start();
		n8n = new N8nInstance({ line, env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
		await n8n.installPackages([builtTarball('n8n-nodes-docket-alarm')]);
		// One CLI call per kind: each starts n8n, which takes seconds.
		await n8n.importCredentials([
			...docketAlarmCredentialFile(simulator.url, USERNAME, PASSWORD),
			{
				...docketAlarmCredentialFile(simulator.url, USERNAME, PASSWORD)[0],
				...CUSTOM_CALL_CREDENTIALS.token,
			},
			{
				...docketAlarmCredentialFile(simulator.url, USERNAME, PASSWORD, { authMethod: 'basic' })[0],
				...CUSTOM_CALL_CREDENTIALS.basic,
			},
		]);
		const management = {
			subaccountEmail: 'alerts@e2e-firm.example',
			subaccountPassword: 'Sub-Pass-2026',
			dockets: { docket: [{ court: SIM_COURT, docket: SIM_DOCKET }] },
			frequency: 'twice_daily',
		};
		await n8n.importWorkflows([
			docketAlarmOperationsWorkflow(SIM_COURT, SIM_DOCKET),
			docketAlarmCustomCallWorkflow(simulator.url),
			docketAlarmTriggerWorkflow(`${simulator.url}/_sim/sink`, management, PUSH_SECRET),
		]);
	});

	afterAll(async () => {
		await n8n?.cleanup();
		await simulator.stop();
	});

	it(`runs n8n ${N8N_VERSIONS[line]}: search, get dockets, download complaints, search PACER, track and disable the tracker, surviving an expired token`, async () => {
		const result = await n8n.execute('daOperations0001');

		const found = result.json('Search Dockets');
		expect(found).toHaveLength(2);
		const dockets = result.json('Get Docket');
		expect(dockets.map((docket) => docket.docket)).toEqual(found.map((hit) => hit.docket));
		expect((dockets[0].info as Record<string, unknown>).date_filed_iso).toMatch(
			/^\d{4}-\d{2}-\d{2}$/,
		);

		const downloads = result.items('Download Complaint');
		expect(downloads).toHaveLength(2);
		for (const item of downloads) {
			expect(item.binary!.data).toMatchObject({ fileName: '1.pdf', mimeType: 'application/pdf' });
			expect(String(item.json.link)).not.toContain('login_token');
		}

		const pacer = result.json('Search PACER');
		expect(pacer).toHaveLength(80);
		expect(
			simulator.requestLog
				.filter((call) => call.path === '/api/v1/searchpacer/' && call.authorized)
				.map((call) => call.query.page),
		).toEqual(['1', '2']);
		// One call met the expired token and was sent again after the single new login.
		expect(simulator.requestLog.filter((call) => call.authorized === false)).toHaveLength(1);

		expect(result.json('Track Docket')).toEqual([
			expect.objectContaining({
				court: SIM_COURT,
				docket: SIM_DOCKET,
				enabled: true,
				frequency: 'weekly',
			}),
		]);
		expect(result.json('List Trackers')).toEqual([
			expect.objectContaining({ docket: SIM_DOCKET, enabled: true }),
		]);
		expect(result.json('Stop Tracking')).toEqual([
			expect.objectContaining({ enabled: false, disabled: true }),
		]);
		expect(simulator.trackers.find((tracker) => tracker.docket === SIM_DOCKET)!.enabled).toBe(
			false,
		);

		// 10 API calls on tokens that serve 5 each: exactly one login more, not one per item.
		expect(simulator.logins).toBe(2);
		const raw = JSON.stringify(result.raw);
		expect(raw).not.toContain(PASSWORD);
		for (const token of simulator.tokens.keys()) expect(raw).not.toContain(token);
	});

	it('serves "Custom API Call": n8n’s HTTP Request node with the credential logs in (or uses Basic) and is let in', async () => {
		const loginsBefore = simulator.logins;
		const callsBefore = simulator.requestLog.length;
		const result = await n8n.execute('daCustomCall0001');
		expect(result.json('Custom API Call')).toEqual([expect.objectContaining({ success: true })]);
		expect(result.json('Custom API Call (Basic)')).toEqual([
			expect.objectContaining({ success: true }),
		]);
		const calls = simulator.requestLog
			.slice(callsBefore)
			.filter((entry) => entry.path === '/api/v1/track/');
		expect(calls.map((entry) => entry.authorized)).toEqual([true, true]);
		// n8n logged in through the credential for the token one; Basic needs no login.
		expect(simulator.logins - loginsBefore).toBe(1);
		const raw = JSON.stringify(result.raw);
		for (const token of simulator.tokens.keys()) expect(raw).not.toContain(token);
		expect(raw).not.toContain(PASSWORD);
	});

	it('tests the credential, manages the push URL and tracker (leaving the user’s own tracker on), receives pushes and refuses unauthenticated ones', async () => {
		simulator.subaccounts.set('alerts@e2e-firm.example', {
			username: 'alerts@e2e-firm.example',
			password: 'Sub-Pass-2026',
			enabled: true,
			api_push_url: '',
		});
		await n8n.start();
		try {
			const [stored] = docketAlarmCredentialFile(simulator.url, USERNAME, PASSWORD);
			expect(await n8n.rest('POST', '/credentials/test', { credentials: stored })).toMatchObject({
				status: 'OK',
			});
			const wrong = await n8n.rest<{ status: string; message: string }>(
				'POST',
				'/credentials/test',
				{ credentials: { ...stored, data: { ...stored.data, password: 'wrong' } } },
			);
			expect(wrong.status).toBe('Error');
			expect(wrong.message).toContain('Docket Alarm refused the login');

			await n8n.activate('daTrigger0000001');
			const account = simulator.subaccounts.get('alerts@e2e-firm.example')!;
			await waitFor('the push URL to be set', () => (account.api_push_url ? true : undefined));
			const webhookUrl = `${n8n.baseUrl}/webhook/${DA_TRIGGER_WEBHOOK_ID}/webhook`;
			expect(account.api_push_url).toBe(`${webhookUrl}?token=${PUSH_SECRET}`);
			await waitFor('the tracker', () =>
				simulator.trackers.some((tracker) => tracker.docket === SIM_DOCKET && tracker.enabled)
					? true
					: undefined,
			);

			const push = simulator.docketPush(2);
			expect((await simulator.push(push, account.api_push_url)).status).toBe(200);
			const entries = (await waitFor('two forwarded entries', () =>
				simulator.sink.length >= 2 ? simulator.sink : undefined,
			)) as Array<Record<string, unknown>>;
			expect(entries.map((entry) => entry.number)).toEqual([3, 2]);
			expect(entries[0]).toMatchObject({
				push_type: 'docket',
				court: SIM_COURT,
				docket: SIM_DOCKET,
				contents: 'MOTION to dismiss',
			});

			expect((await simulator.push(push, webhookUrl)).status).toBe(401);
			expect(
				(await simulator.push(push, `${webhookUrl}?token=wrong-secret-wrong-secret`)).status,
			).toBe(401);
			expect((await simulator.push(push, account.api_push_url)).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 3000));
			expect(simulator.sink).toHaveLength(2);

			await n8n.deactivate('daTrigger0000001');
			await waitFor('the push URL to be cleared', () =>
				account.api_push_url === '' ? true : undefined,
			);
			const tracker = simulator.trackers.find((candidate) => candidate.docket === SIM_DOCKET)!;
			expect(tracker.enabled).toBe(false);

			// A tracker the user had switched on before activation is theirs: deactivation leaves it on.
			tracker.enabled = true;
			await n8n.activate('daTrigger0000001');
			await waitFor('the push URL to be set again', () =>
				account.api_push_url ? true : undefined,
			);
			await n8n.deactivate('daTrigger0000001');
			await waitFor('the push URL to be cleared again', () =>
				account.api_push_url === '' ? true : undefined,
			);
			expect(tracker.enabled).toBe(true);
			expect(n8n.log).not.toContain(PASSWORD);
		} finally {
			await n8n.stop();
		}
	});
});
