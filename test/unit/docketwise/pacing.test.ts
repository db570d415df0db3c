import nock from 'nock';

import { API, contact, credential, locator, runDocketwise } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise pacing', () => {
	it('spaces a bulk run within 120 requests a minute instead of running into 429s', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		nock(API)
			.persist()
			.get(/\/contacts\/\d+/)
			.reply(200, contact(1));
		const items = Array.from({ length: 130 }, () => ({ json: {} }));
		const { output } = await runDocketwise(
			{ resource: 'contact', operation: 'get', contactId: locator(1), simplify: true },
			{ items },
		);
		expect(output).toHaveLength(130);
		const waits = sleep.mock.calls.map(([ms]: [number]) => ms);
		// The first 120 go at once; the next 10 each wait for a slot about a minute later.
		expect(waits).toHaveLength(10);
		for (const wait of waits) expect(wait).toBeGreaterThan(55_000);
		nock.cleanAll();
	});
	it('keeps to another Requests per Minute when the credential names one', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		nock(API).get('/contacts/7').times(3).reply(200, contact(7));
		const items = Array.from({ length: 3 }, () => ({ json: {} }));
		// A fresh credential (its own pace): at 2 a minute the third call waits for the first one's minute.
		const { output } = await runDocketwise(
			{ resource: 'contact', operation: 'get', contactId: locator(7) },
			{ items, credentials: credential({ requestsPerMinute: 2 }), credentialId: 'dw-slow' },
		);
		expect(output).toHaveLength(3);
		const waits = sleep.mock.calls.map(([ms]: [number]) => ms);
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThan(59_000);
		expect(waits[0]).toBeLessThanOrEqual(61_000);
		expect(nock.isDone()).toBe(true);
	});
});
