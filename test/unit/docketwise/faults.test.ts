/**
 * Answers that are not what was asked for: a proxy's HTML page or JSON cut off on a 200.
 * Reads try again; a create is never sent twice and its error says it may have worked. (Stalled
 * connections are covered in real n8n by `npm run test:hard`.)
 */
import nock from 'nock';

import { contact, API, runDocketwise, locator } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise under faulty answers', () => {
	it('reads again after an HTML page or cut-off JSON on a 200, and outputs the record', async () => {
		nock(API)
			.get('/contacts/7')
			.reply(200, '<html><body>Gateway hiccup</body></html>', { 'Content-Type': 'text/html' });
		nock(API)
			.get('/contacts/7')
			.reply(200, '{"id": 7, "first_na', { 'Content-Type': 'application/json' });
		nock(API).get('/contacts/7').reply(200, contact(7));
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'get',
			contactId: locator(7),
		});
		expect(output.map((item) => item.json.id)).toEqual([7]);
		expect(nock.isDone()).toBe(true);
	});

	it('gives up on a read that stays unreadable, naming the item, after a bounded number of tries', async () => {
		const scope = nock(API).get('/contacts/7').times(4).reply(200, '');
		await expect(
			runDocketwise({ resource: 'contact', operation: 'get', contactId: locator(7) }),
		).rejects.toThrow('Docketwise sent an answer that is not valid JSON (HTTP 200) [item 0]');
		expect(scope.isDone()).toBe(true);
	});

	it('does not send a create again after a cut-off answer, and says the contact may exist', async () => {
		let posts = 0;
		nock(API)
			.post('/contacts')
			.times(2)
			.reply(() => {
				posts++;
				return [201, '{"id": 12, "first_name": "An'];
			});
		const { output } = await runDocketwise(
			{
				resource: 'contact',
				operation: 'create',
				firstName: 'Ana',
				lastName: 'Ruiz',
				additionalFields: {},
			},
			{ continueOnFail: true },
		);
		expect(posts).toBe(1);
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBe(
			'Docketwise sent an answer that is not valid JSON (HTTP 201) [item 0]',
		);
		expect(output[0].json.errorDetails).toContain('may have carried out this request');
		expect(output[0].pairedItem).toEqual({ item: 0 });
		nock.cleanAll();
	});

	it('names the vendor and the item when a create loses its connection, and does not send it again', async () => {
		const scope = nock(API)
			.post('/contacts')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const { output } = await runDocketwise(
			{
				resource: 'contact',
				operation: 'create',
				firstName: 'Ana',
				lastName: 'Ruiz',
				additionalFields: {},
			},
			{ continueOnFail: true },
		);
		expect(scope.isDone()).toBe(true);
		expect(output[0].json.error).toBe(
			'Could not reach Docketwise: the connection was cut before the answer arrived [item 0]',
		);
		expect(output[0].json.errorDetails).toContain('Network error code: ECONNRESET.');
		expect(output[0].json.errorDetails).toContain('may have carried out this request');
	});
	it('gives up a silent vendor after Options → Timeout: a read is tried again, a create is not', async () => {
		// Answers that come after 1.5 s: a 1 s timeout counts them as lost, the 60 s default does not.
		const read = nock(API).get('/contacts/7').delay(1_500).reply(200, contact(7));
		nock(API).get('/contacts/7').reply(200, contact(7));
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'get',
			contactId: locator(7),
			options: { timeout: 1 },
		});
		expect(output.map((item) => item.json.id)).toEqual([7]);
		expect(read.isDone()).toBe(true);

		let posts = 0;
		nock(API)
			.post('/contacts')
			.times(2)
			.delay(1_500)
			.reply(() => {
				posts++;
				return [201, contact(12)];
			});
		const create = {
			resource: 'contact',
			operation: 'create',
			firstName: 'Ana',
			lastName: 'Ruiz',
			additionalFields: {},
		};
		const { output: failed } = await runDocketwise(
			{ ...create, options: { timeout: 1 } },
			{ continueOnFail: true },
		);
		expect(posts).toBe(1);
		expect(failed[0].json.error).toBe(
			'Could not reach Docketwise: no answer came in time [item 0]',
		);
		expect(failed[0].json.errorDetails).toContain('may have carried out this request');
		expect(failed[0].json.errorDetails).toContain("raise the node's Options → Timeout");

		const { output: created } = await runDocketwise(create);
		expect(created[0].json.id).toBe(12);
		expect(posts).toBe(2);
	});
});
