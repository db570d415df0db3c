import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { API, locator, pagedList, runDocketwise } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise invoices', () => {
	it('creates an invoice with dates, matters and discount flags', async () => {
		const created = capture(nock(API).post('/invoices'), 201, { id: 42 });
		await runDocketwise({
			resource: 'invoice',
			operation: 'create',
			contactId: locator(8116),
			additionalFields: {
				due_date: '2026-12-31T00:00:00.000Z',
				invoice_type: 'bill',
				matter_ids: '77, 78',
				discount_percent: 10,
				user_id: '3',
			},
		});
		expect(created[0].json).toEqual({
			invoice: {
				contact_id: 8116,
				due_date: '2026-12-31',
				invoice_type: 'bill',
				discount_percent: 10,
				has_discount_percent: true,
				user_id: 3,
				invoice_matters_attributes: [{ matter_id: 77 }, { matter_id: 78 }],
			},
		});
	});

	it('sends a trust request with its trust level and the last reminder date', async () => {
		const { Docketwise } = await import('../../../nodes/Docketwise/Docketwise.node');
		for (const operation of ['create', 'update']) {
			const form = new Docketwise().description.properties.filter(
				(property) =>
					property.displayOptions?.show?.resource?.includes('invoice') &&
					property.displayOptions?.show?.operation?.includes(operation),
			);
			const offered = form.flatMap((property) =>
				(property.options ?? []).map((option) => (option as { name: string }).name),
			);
			expect(offered).toEqual(expect.arrayContaining(['trust_level', 'last_reminder']));
		}
		const created = capture(nock(API).post('/invoices'), 201, { id: 43 });
		await runDocketwise({
			resource: 'invoice',
			operation: 'create',
			contactId: locator(8116),
			additionalFields: {
				invoice_type: 'trust_request',
				trust_level: 'matter_level',
				trust_request_amount: 2500,
				last_reminder: '2026-11-20T09:30:00.000Z',
			},
		});
		expect(created[0].json).toEqual({
			invoice: {
				contact_id: 8116,
				invoice_type: 'trust_request',
				trust_level: 'matter_level',
				trust_request_amount: 2500,
				last_reminder: '2026-11-20T09:30:00.000Z',
			},
		});
	});

	it('gets an invoice, simplified to the fields most workflows need unless Simplify is off', async () => {
		const record = {
			id: 42,
			invoice_number: 'INV-42',
			contact_id: 8116,
			status: 'unpaid',
			stored_total: '350.0',
			footer: 'Thank you',
			invoice_matters: [{ matter_id: 77 }],
		};
		nock(API).get('/invoices/42').times(2).reply(200, record);
		const simple = await runDocketwise({
			resource: 'invoice',
			operation: 'get',
			invoiceId: locator(42),
			simplify: true,
		});
		expect(simple.output.map((item) => item.json)).toEqual([
			{
				id: 42,
				invoice_number: 'INV-42',
				contact_id: 8116,
				status: 'unpaid',
				stored_total: '350.0',
			},
		]);
		const raw = await runDocketwise({
			resource: 'invoice',
			operation: 'get',
			invoiceId: locator(42),
			simplify: false,
		});
		expect(raw.output[0].json).toEqual(record);
		await expect(
			runDocketwise({
				resource: 'invoice',
				operation: 'get',
				invoiceId: locator('={{ "INV-42" }}'),
			}),
		).rejects.toThrow('Invoice ID "INV-42" is not a valid ID [item 0]');
	});

	it('lists invoices page by page with Return All, or up to the limit', async () => {
		const list = pagedList(
			Array.from({ length: 250 }, (_, index) => ({
				id: index + 1,
				invoice_number: `INV-${index + 1}`,
				status: 'paid',
			})),
		);
		nock(API).get('/invoices').query(true).times(3).reply(list.reply);
		const all = await runDocketwise({
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});
		expect(all.output).toHaveLength(250);
		expect(all.output[249].json).toEqual({ id: 250, invoice_number: 'INV-250', status: 'paid' });
		expect(list.pages).toEqual([1, 2]);
		const limited = await runDocketwise({
			resource: 'invoice',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		expect(limited.output.map((item) => item.json.id)).toEqual([1, 2, 3]);
	});

	it('updates only the fields given, wrapped in "invoice", with dates as days', async () => {
		const updated = capture(nock(API).put('/invoices/42'), 200, { id: 42, status: 'paid' });
		const { output } = await runDocketwise({
			resource: 'invoice',
			operation: 'update',
			invoiceId: locator(42),
			updateFields: { status: 'paid', close_date: '2026-12-01T15:00:00.000Z', description: '' },
		});
		expect(updated[0].json).toEqual({ invoice: { status: 'paid', close_date: '2026-12-01' } });
		expect(output[0].json).toEqual({ id: 42, status: 'paid' });
		await expect(
			runDocketwise({
				resource: 'invoice',
				operation: 'update',
				invoiceId: locator(42),
				updateFields: { matter_ids: '77, x' },
			}),
		).rejects.toThrow('Matter ID "x" is not a valid ID [item 0]');
	});
});
