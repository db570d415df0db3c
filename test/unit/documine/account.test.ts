import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { freshToken, PASSWORD, runDocuMine, URL_ } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocuMine users and licence', () => {
	it('reads licence usage for a period', async () => {
		const usage = capture(nock(URL_).get('/api/license/usage').query(true), 200, {
			licensedPages: 1000,
			usedPages: 420,
		});
		const { output } = await runDocuMine({
			resource: 'license',
			operation: 'getUsage',
			startDate: '2026-01-01T00:00:00Z',
			endDate: '',
		});
		expect(usage[0].query).toEqual({ startDate: ['2026-01-01'] });
		expect(output[0].json).toEqual({ licensedPages: 1000, usedPages: 420 });
		expect(JSON.stringify(output)).not.toContain(PASSWORD);
	});

	it('never shows the password or token in an error', async () => {
		nock(URL_)
			.get('/api/users')
			.reply(500, { timestamp: 'now', message: `failure for ${PASSWORD} tok-1` });
		nock(URL_)
			.get('/api/users')
			.times(3)
			.reply(500, { timestamp: 'now', message: `failure for ${PASSWORD} tok-1` });
		const error = await runDocuMine(
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{ credentials: freshToken() },
		).catch((caught) => caught);
		expect(error.message).toContain('had a server error (HTTP 500)');
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toMatch(
			/dm-password-Secret-1|tok-1/,
		);
	});
});
