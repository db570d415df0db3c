import nock from 'nock';

import { DocketAlarmApi } from '../../../credentials/DocketAlarmApi.credentials';
import { capture } from '../../helpers/nockRequests';
import {
	BASE,
	courtByName,
	credential,
	docketResponse,
	NEW_TOKEN,
	PASSWORD,
	runDocketAlarm,
	TOKEN,
} from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const getDocket = {
	resource: 'docket',
	operation: 'get',
	court: courtByName('New York Southern District Court'),
	docket: '1:11-cv-06909',
};

describe('Docket Alarm session', () => {
	it('logs in once and reuses the token for every item', async () => {
		const logins = capture(nock(BASE).post('/api/v1/login/'), 200, {
			success: true,
			login_token: TOKEN,
		});
		const dockets = capture(
			nock(BASE).get('/api/v1/getdocket/').query(true).times(3),
			200,
			docketResponse,
		);
		const { output } = await runDocketAlarm(getDocket, {
			items: [{ json: {} }, { json: {} }, { json: {} }],
		});
		expect(logins).toHaveLength(1);
		expect(logins[0].form).toEqual({ username: ['clerk@firm.example'], password: [PASSWORD] });
		expect(dockets.map((request) => request.query)).toEqual(
			Array(3).fill({
				court: ['New York Southern District Court'],
				docket: ['1:11-cv-06909'],
				cached: ['true'],
				client_matter: ['CM-default'],
				login_token: [TOKEN],
			}),
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('logs in again once when a token expires mid-run (HTTP 200, success false) and loses no item', async () => {
		capture(nock(BASE).post('/api/v1/login/'), 200, { success: true, login_token: TOKEN });
		const renewals = capture(nock(BASE).post('/api/v1/login/'), 200, {
			success: true,
			login_token: NEW_TOKEN,
		});
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query((query) => query.login_token === TOKEN)
			.reply(200, docketResponse);
		// Items after the first go out side by side, so both may still carry the old token.
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query((query) => query.login_token === TOKEN)
			.times(2)
			.reply(200, { success: false, error: 'Invalid or expired login_token' });
		const retried = capture(
			nock(BASE)
				.get('/api/v1/getdocket/')
				.query((query) => query.login_token === NEW_TOKEN)
				.times(2),
			200,
			docketResponse,
		);
		const { output } = await runDocketAlarm(getDocket, {
			items: [{ json: {} }, { json: {} }, { json: {} }],
		});
		expect(renewals).toHaveLength(1);
		expect(retried).toHaveLength(2);
		expect(output).toHaveLength(3);
		expect(output.every((item) => item.json.info)).toBe(true);
	});

	it('logs in once when many parallel items find the token expired at the same time', async () => {
		let issued = 0;
		nock(BASE)
			.post('/api/v1/login/')
			.times(5)
			.reply(200, () => ({ success: true, login_token: `token-${++issued}-${'0'.repeat(24)}` }));
		const tokensSeen: string[] = [];
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query(true)
			.times(40)
			.reply(200, (uri) => {
				const token = new URL(uri, BASE).searchParams.get('login_token')!;
				tokensSeen.push(token);
				// The first token dies after the first item; every later call with it is refused.
				return token.startsWith('token-1-') &&
					tokensSeen.filter((seen) => seen === token).length > 1
					? { success: false, error: 'Invalid or expired login_token' }
					: docketResponse;
			});
		const items = Array.from({ length: 20 }, () => ({ json: {} }));
		const { output } = await runDocketAlarm(getDocket, { items });
		expect(issued).toBe(2);
		expect(output).toHaveLength(20);
		expect(output.every((item) => item.json.info)).toBe(true);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		nock.cleanAll();
	});

	it('keeps every item when tokens are used up by parallel items faster than some items get a turn', async () => {
		// Tokens that serve 8 calls with 15 items in flight: after each renewal most waiting items are
		// refused again, several rounds running (as in queue mode, where two workers share one token).
		let issued = 0;
		const uses = new Map<string, number>();
		nock(BASE)
			.post('/api/v1/login/')
			.times(40)
			.reply(200, () => ({ success: true, login_token: `token-${++issued}-${'0'.repeat(24)}` }));
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query(true)
			.times(400)
			.reply(200, (uri) => {
				const token = new URL(uri, BASE).searchParams.get('login_token')!;
				uses.set(token, (uses.get(token) ?? 0) + 1);
				return uses.get(token)! > 8
					? { success: false, error: 'Invalid or expired login_token' }
					: docketResponse;
			});
		const items = Array.from({ length: 60 }, () => ({ json: {} }));
		const { output } = await runDocketAlarm(getDocket, { items });
		expect(output.filter((item) => item.json.error)).toEqual([]);
		expect(output.every((item) => item.json.info)).toBe(true);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		// Each item renews at most once, and most re-send with a token another item renewed.
		expect(issued).toBeLessThan(items.length / 2);
		nock.cleanAll();
	});

	it('logs in once for two executions that find the stored token expired at the same time', async () => {
		let logins = 0;
		nock(BASE)
			.post('/api/v1/login/')
			.times(3)
			.reply(200, () => (++logins, { success: true, login_token: NEW_TOKEN }));
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query((query) => query.login_token === TOKEN)
			.times(20)
			.reply(200, { success: false, error: 'Invalid or expired login_token' });
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query((query) => query.login_token === NEW_TOKEN)
			.times(12)
			.reply(200, docketResponse);
		// One stored credential, as in n8n's database, read by two executions of the same process.
		const stored = credential({ loginToken: TOKEN, sessionStartedAt: Date.now() - 60_000 });
		const items = Array.from({ length: 6 }, () => ({ json: {} }));
		const runs = await Promise.all([
			runDocketAlarm(getDocket, { credentials: stored, items }),
			runDocketAlarm(getDocket, { credentials: stored, items }),
		]);
		expect(logins).toBe(1);
		expect(runs.flatMap(({ output }) => output).every((item) => item.json.info)).toBe(true);
		nock.cleanAll();
	});

	it('logs in afresh before sending when the stored token is older than 25 minutes', async () => {
		const logins = capture(nock(BASE).post('/api/v1/login/'), 200, {
			success: true,
			login_token: NEW_TOKEN,
		});
		const dockets = capture(nock(BASE).get('/api/v1/getdocket/').query(true), 200, docketResponse);
		await runDocketAlarm(getDocket, {
			credentials: credential({ loginToken: TOKEN, sessionStartedAt: Date.now() - 26 * 60_000 }),
		});
		expect(logins).toHaveLength(1);
		expect(dockets[0].query.login_token).toEqual([NEW_TOKEN]);
	});

	it('reuses a stored token that is still fresh, without logging in', async () => {
		const dockets = capture(nock(BASE).get('/api/v1/getdocket/').query(true), 200, docketResponse);
		await runDocketAlarm(getDocket, {
			credentials: credential({ loginToken: TOKEN, sessionStartedAt: Date.now() - 60_000 }),
		});
		expect(dockets[0].query.login_token).toEqual([TOKEN]);
	});

	it('does not loop when the login itself keeps failing, and never shows the password', async () => {
		capture(nock(BASE).post('/api/v1/login/'), 200, { success: true, login_token: TOKEN });
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query(true)
			.reply(200, { success: false, error: `Bad login_token ${TOKEN}` });
		nock(BASE)
			.post('/api/v1/login/')
			.reply(200, { success: false, error: 'Username or password invalid' });
		const error = await runDocketAlarm(getDocket).catch((caught) => caught);
		expect(error.message).toContain('Docket Alarm refused the login: Username or password invalid');
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain(PASSWORD);
	});

	it('sends test=true on every call in test mode, the login included', async () => {
		const logins = capture(nock(BASE).post('/api/v1/login/'), 200, {
			success: true,
			login_token: TOKEN,
		});
		const dockets = capture(nock(BASE).get('/api/v1/getdocket/').query(true), 200, docketResponse);
		await runDocketAlarm(getDocket, { credentials: credential({ testMode: true }) });
		expect(logins[0].form!.test).toEqual(['true']);
		expect(dockets[0].query.test).toEqual(['true']);
	});

	it('uses HTTP Basic on every call without logging in when asked', async () => {
		const dockets = capture(nock(BASE).get('/api/v1/getdocket/').query(true), 200, docketResponse);
		await runDocketAlarm(getDocket, { credentials: credential({ authMethod: 'basic' }) });
		expect(dockets[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`clerk@firm.example:${PASSWORD}`).toString('base64')}`,
		);
		expect(dockets[0].query.login_token).toBeUndefined();
	});

	it('puts the token in the query and the form of a POST', async () => {
		const options = await new DocketAlarmApi().authenticate(
			{ loginToken: TOKEN, authMethod: 'loginToken', testMode: true },
			{ method: 'POST', url: 'https://x/api/v1/track/', body: 'court=A&docket=1', qs: {} },
		);
		expect(options.qs).toEqual({ test: 'true', login_token: TOKEN });
		expect(new URLSearchParams(options.body as string).get('login_token')).toBe(TOKEN);
	});

	it('reports a vendor error inside a 200 answer with the vendor text and the item', async () => {
		capture(nock(BASE).post('/api/v1/login/'), 200, { success: true, login_token: TOKEN });
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query(true)
			.reply(200, { success: false, error: 'Could not find docket 9:99-cv-99999' });
		const { output } = await runDocketAlarm(
			{ ...getDocket, docket: '9:99-cv-99999' },
			{ continueOnFail: true },
		);
		expect(output).toEqual([
			{
				json: {
					error: 'Docket Alarm returned an error: Could not find docket 9:99-cv-99999 [item 0]',
					errorDetails: 'Request: GET getdocket/.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});
