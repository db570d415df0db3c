import nock from 'nock';

import { API, credential, runDocketwise } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise reference lists (users, matter types and statuses, countries)', () => {
	it.each([
		['user', '/users'],
		['matterType', '/matter_types'],
		['matterStatus', '/matter_statuses'],
		['country', '/countries'],
	])('lists %s from %s', async (resource, path) => {
		nock(API)
			.get(path)
			.query(true)
			.reply(200, [{ id: 1, name: 'x' }]);
		const { output } = await runDocketwise({ resource, operation: 'getAll', returnAll: true });
		expect(output[0].json).toEqual({ id: 1, name: 'x' });
	});

	it('uses the default host when no custom URL is set', async () => {
		nock('https://app.docketwise.com').get('/api/v1/users').query(true).reply(200, []);
		await runDocketwise(
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{ credentials: credential({ useCustomUrl: false }) },
		);
	});
});
