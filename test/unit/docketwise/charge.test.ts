import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { API, locator, runDocketwise } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise charges', () => {
	it('adds, updates, lists and deletes charges', async () => {
		const created = capture(nock(API).post('/invoices/42/charges'), 201, { id: 5 });
		await runDocketwise({
			resource: 'charge',
			operation: 'create',
			invoiceId: locator(42),
			amount: 350,
			status: 'fee',
			date: '2026-11-01T00:00:00.000Z',
			additionalFields: { description: 'USCIS filing fee', matter_id: 77 },
		});
		expect(created[0].json).toEqual({
			charge: {
				amount: 350,
				status: 'fee',
				date: '2026-11-01',
				description: 'USCIS filing fee',
				matter_id: 77,
			},
		});

		const updated = capture(nock(API).put('/charges/5'), 200, { id: 5 });
		await runDocketwise({
			resource: 'charge',
			operation: 'update',
			invoiceId: locator(42),
			chargeId: { __rl: true, mode: 'list', value: '5' },
			updateFields: { amount: 400 },
		});
		expect(updated[0].json).toEqual({ charge: { amount: 400 } });

		nock(API)
			.get('/invoices/42/charges')
			.query(true)
			.reply(200, [{ id: 5 }, { id: 6 }]);
		expect(
			(
				await runDocketwise({
					resource: 'charge',
					operation: 'getAll',
					invoiceId: locator(42),
					returnAll: true,
				})
			).output,
		).toHaveLength(2);

		nock(API).delete('/charges/5').reply(200, {});
		expect(
			(await runDocketwise({ resource: 'charge', operation: 'delete', chargeId: locator(5) }))
				.output[0].json,
		).toEqual({ id: 5, deleted: true });
		// A workflow saved when Charge ID was a plain text field still runs.
		nock(API).delete('/charges/6').reply(200, {});
		expect(
			(await runDocketwise({ resource: 'charge', operation: 'delete', chargeId: '6' })).output[0]
				.json,
		).toEqual({ id: 6, deleted: true });

		await expect(
			runDocketwise({
				resource: 'charge',
				operation: 'update',
				chargeId: '5',
				updateFields: { amount: -1 },
			}),
		).rejects.toThrow('Amount "-1" must be a number of at least 0 [item 0]');
	});
});
