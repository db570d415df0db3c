import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { API, contact, locator, pagedList, runDocketwise } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise matters', () => {
	it('creates a matter for a client with assigned users', async () => {
		const created = capture(nock(API).post('/matters'), 201, { id: 77, client_id: 8116 });
		await runDocketwise({
			resource: 'matter',
			operation: 'create',
			clientId: locator(8116),
			title: 'Ruiz – I-130',
			additionalFields: { number: '1234', user_ids: [1, '2'] },
		});
		expect(created[0].json).toEqual({
			matter: { client_id: 8116, title: 'Ruiz – I-130', number: '1234', user_ids: [1, 2] },
		});
	});

	it('fills the required client_id from the current matter when an update leaves it empty', async () => {
		capture(nock(API).get('/matters/77'), 200, { id: 77, client_id: 8116, title: 'Old' });
		const updated = capture(nock(API).put('/matters/77'), 200, { id: 77 });
		await runDocketwise({
			resource: 'matter',
			operation: 'update',
			matterId: locator(77),
			clientId: locator(''),
			updateFields: { title: 'New' },
		});
		expect(updated[0].json).toEqual({ matter: { title: 'New', client_id: 8116 } });

		const direct = capture(nock(API).put('/matters/77'), 200, { id: 77 });
		await runDocketwise({
			resource: 'matter',
			operation: 'update',
			matterId: locator(77),
			clientId: locator(9000),
			updateFields: {},
		});
		expect(direct[0].json).toEqual({ matter: { client_id: 9000 } });
	});

	it('lists receipts, and rejects a matter ID that is not a number before calling', async () => {
		nock(API)
			.get('/matters/77/receipts')
			.reply(200, [{ id: 1, number: 'EAC0000000000' }]);
		const { output } = await runDocketwise({
			resource: 'matter',
			operation: 'getReceipts',
			matterId: locator(77),
		});
		expect(output[0].json).toEqual({ matter_id: 77, id: 1, number: 'EAC0000000000' });
		// Typed in, n8n's editor refuses it; from an expression, the node does, before any call.
		await expect(
			runDocketwise({
				resource: 'matter',
				operation: 'get',
				matterId: locator('={{ "abc" }}'),
				simplify: true,
			}),
		).rejects.toThrow('Matter ID "abc" is not a valid ID [item 0]');
	});

	it('keeps what no other operation gives with Simplify on: notes, receipts, assigned users, client', async () => {
		const record = {
			id: 77,
			title: 'Ruiz – I-130',
			internal_code: 'x',
			user_ids: [3, 4],
			client: { id: 9000, first_name: 'Ana' },
			receipts: [{ id: 1, number: 'EAC0000000000' }],
			notes: [{ id: 5, content: 'Call back', category: 'All Notes' }],
		};
		nock(API).get('/matters/77').reply(200, record);
		const { output } = await runDocketwise({
			resource: 'matter',
			operation: 'get',
			matterId: locator(77),
			simplify: true,
		});
		expect(output[0].json).toEqual({
			id: 77,
			title: 'Ruiz – I-130',
			user_ids: [3, 4],
			client: record.client,
			receipts: record.receipts,
			notes: record.notes,
		});
		nock(API)
			.get('/contacts/5')
			.reply(200, { ...contact(5), notes: [{ id: 6, content: 'Prefers email' }] });
		const person = await runDocketwise({
			resource: 'contact',
			operation: 'get',
			contactId: locator(5),
			simplify: true,
		});
		expect(person.output[0].json.notes).toEqual([{ id: 6, content: 'Prefers email' }]);
	});

	it('gets receipts with Return All or up to a limit', async () => {
		const receipts = Array.from({ length: 5 }, (_, index) => ({
			id: index + 1,
			number: `EAC00000000${index}`,
		}));
		nock(API).get('/matters/77/receipts').times(2).reply(200, receipts);
		const limited = await runDocketwise({
			resource: 'matter',
			operation: 'getReceipts',
			matterId: locator(77),
			returnAll: false,
			limit: 2,
		});
		expect(limited.output.map((item) => item.json.id)).toEqual([1, 2]);
		const all = await runDocketwise({
			resource: 'matter',
			operation: 'getReceipts',
			matterId: locator(77),
			returnAll: true,
		});
		expect(all.output).toHaveLength(5);
	});

	it('lists matters with Return All, simplified, or up to the limit with the raw records', async () => {
		const matters = Array.from({ length: 201 }, (_, index) => ({
			id: index + 1,
			title: `Matter ${index + 1}`,
			internal_code: 'x',
		}));
		const list = pagedList(matters);
		nock(API).get('/matters').query(true).times(3).reply(list.reply);
		const all = await runDocketwise({
			resource: 'matter',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});
		expect(all.output).toHaveLength(201);
		expect(all.output[200].json).toEqual({ id: 201, title: 'Matter 201' });
		const limited = await runDocketwise({
			resource: 'matter',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			simplify: false,
		});
		expect(limited.output.map((item) => item.json)).toEqual(matters.slice(0, 2));
	});

	it('deletes a matter and says so, one item for each input item', async () => {
		const deleted = [
			capture(nock(API).delete('/matters/77'), 200, {}),
			capture(nock(API).delete('/matters/78'), 204, ''),
		];
		const { output } = await runDocketwise(
			(itemIndex) => ({
				resource: 'matter',
				operation: 'delete',
				matterId: locator(77 + itemIndex),
			}),
			{ items: [{ json: {} }, { json: {} }] },
		);
		expect(deleted.map((calls) => calls.length)).toEqual([1, 1]);
		expect(output.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ id: 77, deleted: true }, { item: 0 }],
			[{ id: 78, deleted: true }, { item: 1 }],
		]);
	});
});
