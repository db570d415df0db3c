import nock from 'nock';
import type { IDataObject, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';

import { DocketwiseTrigger } from '../../../nodes/Docketwise/DocketwiseTrigger.node';
import {
	searchCharges,
	searchContacts,
	searchDocuments,
	searchNotes,
} from '../../../nodes/Docketwise/methods/listSearch';
import { Docketwise } from '../../../nodes/Docketwise/Docketwise.node';
import { nodeContexts } from '../../helpers/engine';
import { API, contact, credential, pagedList } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

async function poll(event: string, staticData: IDataObject, mode: WorkflowExecuteMode = 'trigger') {
	const node = new DocketwiseTrigger();
	return await node.poll.call(
		nodeContexts({
			nodeType: node,
			parameters: { event },
			credentials: credential(),
			staticData,
			mode,
		}).poll(),
	);
}

/** The Docketwise node as the editor holds it, for its list searches. */
const editor = (parameters: IDataObject) =>
	nodeContexts({
		nodeType: new Docketwise(),
		parameters: parameters as INodeParameters,
		credentials: credential(),
	}).loadOptions();

function serve(path: string, records: IDataObject[]) {
	const list = pagedList(records);
	nock(API).persist().get(path).query(true).reply(list.reply);
	return list;
}

describe('Docketwise Trigger', () => {
	it('takes note of existing contacts on the first poll, then emits each new contact once', async () => {
		const staticData: IDataObject = {};
		let list = serve(
			'/contacts',
			Array.from({ length: 450 }, (_, index) => contact(index + 1)),
		);
		expect(await poll('newContact', staticData)).toBeNull();
		expect(list.pages).toEqual([1, 2, 3]);
		nock.cleanAll();

		list = serve(
			'/contacts',
			Array.from({ length: 452 }, (_, index) => contact(index + 1)),
		);
		const emitted = await poll('newContact', staticData);
		expect(emitted![0].map((item) => item.json.id)).toEqual([451, 452]);
		expect(emitted![0][0].json.event).toBe('newContact');
		// Ids ascend, so the newest are on the last page: page 1 (to learn the order), then the last.
		expect(list.pages).toEqual([1, 3]);
		nock.cleanAll();

		serve(
			'/contacts',
			Array.from({ length: 452 }, (_, index) => contact(index + 1)),
		);
		expect(await poll('newContact', staticData)).toBeNull();
		nock.cleanAll();
	});

	it('reads from the front when the list is newest first', async () => {
		const staticData: IDataObject = {};
		serve(
			'/matters',
			Array.from({ length: 300 }, (_, index) => ({ id: 300 - index, updated_at: 'x' })),
		);
		await poll('newMatter', staticData);
		nock.cleanAll();
		const list = serve(
			'/matters',
			Array.from({ length: 303 }, (_, index) => ({ id: 303 - index, updated_at: 'x' })),
		);
		const emitted = await poll('newMatter', staticData);
		expect(emitted![0].map((item) => item.json.id)).toEqual([301, 302, 303]);
		expect(list.pages).toEqual([1]);
		nock.cleanAll();
	});

	it('finds a contact added mid-list when the list is sorted by name, not id, reading every page', async () => {
		// 450 contacts listed by last name: ids in no order, so no page can be skipped.
		const byName = (records: IDataObject[]) =>
			[...records].sort((a, b) => String(a.last_name).localeCompare(String(b.last_name)));
		const named = (id: number) => ({
			...contact(id),
			last_name: `Name-${String((id * 7919) % 1000).padStart(4, '0')}`,
		});
		const staticData: IDataObject = {};
		serve('/contacts', byName(Array.from({ length: 450 }, (_, index) => named(index + 1))));
		expect(await poll('newContact', staticData)).toBeNull();
		nock.cleanAll();

		const added = { ...named(451), last_name: 'Name-0500' };
		const list = serve(
			'/contacts',
			byName([...Array.from({ length: 450 }, (_, index) => named(index + 1)), added]),
		);
		const page =
			Math.floor(
				byName([...Array.from({ length: 450 }, (_, index) => named(index + 1)), added]).findIndex(
					(record) => record.id === 451,
				) / 200,
			) + 1;
		expect(page).toBe(2);
		const emitted = await poll('newContact', staticData);
		expect(emitted![0].map((item) => item.json.id)).toEqual([451]);
		expect(list.pages).toEqual(expect.arrayContaining([1, 2, 3]));
		nock.cleanAll();
	});

	it('falls back to every page when a later page breaks the order page 1 showed', async () => {
		const staticData: IDataObject = {};
		// Page 1 ascends by id, but the last page does not: the list is not sorted by id after all.
		const records = [
			...Array.from({ length: 200 }, (_, index) => contact(index + 1)),
			...Array.from({ length: 200 }, (_, index) => contact(600 - index)),
			contact(250),
		];
		serve('/contacts', records);
		await poll('newContact', staticData);
		nock.cleanAll();
		const withNew = [...records.slice(0, 300), contact(601), ...records.slice(300)];
		serve('/contacts', withNew);
		const emitted = await poll('newContact', staticData);
		expect(emitted![0].map((item) => item.json.id)).toEqual([601]);
		nock.cleanAll();
	});

	it('emits updated contacts, not new ones, each change once', async () => {
		const staticData: IDataObject = {};
		const before = [contact(1), contact(2)];
		serve('/contacts', before);
		await poll('updatedContact', staticData);
		nock.cleanAll();
		serve('/contacts', [
			contact(1, { updated_at: '2026-02-01T00:00:00.000Z' }),
			contact(2),
			contact(3, { updated_at: '2026-02-02T00:00:00.000Z' }),
		]);
		const emitted = await poll('updatedContact', staticData);
		expect(emitted![0].map((item) => item.json.id)).toEqual([1]);
		nock.cleanAll();
		serve('/contacts', [
			contact(1, { updated_at: '2026-02-01T00:00:00.000Z' }),
			contact(2),
			contact(3, { updated_at: '2026-02-02T00:00:00.000Z' }),
		]);
		expect(await poll('updatedContact', staticData)).toBeNull();
		nock.cleanAll();
	});

	it('emits a status change with the old and new status and their names', async () => {
		const staticData: IDataObject = {};
		serve('/matters', [
			{ id: 1, status: 10 },
			{ id: 2, status: 10 },
		]);
		await poll('matterStatusChanged', staticData);
		nock.cleanAll();
		serve('/matters', [
			{ id: 1, status: 11 },
			{ id: 2, status: 10 },
		]);
		nock(API)
			.get('/matter_statuses')
			.reply(200, [
				{ id: 10, name: 'Intake' },
				{ id: 11, name: 'Filed with USCIS' },
			]);
		const emitted = await poll('matterStatusChanged', staticData);
		expect(emitted![0].map((item) => item.json)).toEqual([
			{
				event: 'matterStatusChanged',
				matter: { id: 1, status: 11 },
				previousStatus: '10',
				status: '11',
				previousStatusName: 'Intake',
				statusName: 'Filed with USCIS',
			},
		]);
		nock.cleanAll();
	});

	it('shows the most recent record in manual mode without moving the cursor', async () => {
		const staticData: IDataObject = {};
		serve('/invoices', [{ id: 1 }, { id: 9 }, { id: 4 }]);
		const emitted = await poll('newInvoice', staticData, 'manual');
		expect(emitted![0][0].json).toEqual({ event: 'newInvoice', id: 9 });
		expect(staticData.state).toBeUndefined();
		nock.cleanAll();
	});
});

describe('Docketwise contact list search', () => {
	it('filters a page by the typed text and offers the next page', async () => {
		serve(
			'/contacts',
			Array.from({ length: 250 }, (_, index) => contact(index + 1)),
		);
		const context = editor({});
		const result = await searchContacts.call(context, 'first12');
		expect(result.results.map((entry) => entry.value)).toEqual([
			'12',
			'120',
			'121',
			'122',
			'123',
			'124',
			'125',
			'126',
			'127',
			'128',
			'129',
		]);
		expect(result.results[0]).toEqual({
			name: 'First12 Last12',
			value: '12',
			url: 'https://dw.test/contacts/12',
		});
		expect(result.paginationToken).toBe('2');
		nock.cleanAll();
	});

	it('reads on past pages with no match, up to five a look-up, instead of showing an empty list', async () => {
		const list = serve(
			'/contacts',
			Array.from({ length: 1_400 }, (_, index) => contact(index + 1)),
		);
		const context = editor({});
		const found = await searchContacts.call(context, 'first801');
		expect(found.results.map((entry) => entry.value)).toEqual(['801']);
		expect(list.pages).toEqual([1, 2, 3, 4, 5]);
		nock.cleanAll();
		const bounded = serve(
			'/contacts',
			Array.from({ length: 1_400 }, (_, index) => contact(index + 1)),
		);
		const none = await searchContacts.call(context, 'nobody');
		expect(none.results).toEqual([]);
		expect(bounded.pages).toEqual([1, 2, 3, 4, 5]);
		expect(none.paginationToken).toBe('6');
		nock.cleanAll();
	});

	it('searches documents by title on Docketwise’s side', async () => {
		const seen: string[] = [];
		nock(API)
			.get('/documents')
			.query(true)
			.reply(function (uri) {
				seen.push(new URL(uri, API).search);
				return [200, [{ id: 4512, title: 'Passport scan', archived: false }]];
			});
		const context = editor({});
		const result = await searchDocuments.call(context, 'Passport');
		expect(seen[0]).toContain('search=Passport');
		expect(result.results).toEqual([{ name: 'Passport scan', value: '4512', url: undefined }]);
	});

	it('lists the charges of the invoice chosen above the Charge field, and none before one is chosen', async () => {
		const asked: string[] = [];
		nock(API)
			.get('/invoices/42/charges')
			.query(true)
			.reply(function (uri) {
				asked.push(uri);
				return [
					200,
					[
						{ id: 5, description: 'USCIS filing fee', amount: 350, status: 'fee' },
						{ id: 6, amount: 80, status: 'expense' },
					],
				];
			});
		const chosen = editor({
			resource: 'charge',
			operation: 'update',
			invoiceId: { __rl: true, mode: 'list', value: '42' },
		});
		expect((await searchCharges.call(chosen)).results).toEqual([
			{ name: 'USCIS filing fee · $350 · fee', value: '5', url: undefined },
			{ name: '$80 · expense', value: '6', url: undefined },
		]);
		expect(asked).toHaveLength(1);
		const unset = editor({
			resource: 'charge',
			operation: 'update',
			invoiceId: { __rl: true, mode: 'list', value: '' },
		});
		expect((await searchCharges.call(unset)).results).toEqual([]);
	});

	it('lists the notes of the matter or contact chosen in Attach To, read from that record', async () => {
		nock(API)
			.get('/contacts/8116')
			.times(2)
			.reply(200, {
				id: 8116,
				notes: [
					{ id: 3, title: 'Intake call', content: 'Asked for photos' },
					{ id: 4, title: '', content: 'Passport expires in May' },
				],
			});
		const onContact = editor({
			resource: 'note',
			operation: 'update',
			attachTo: 'contact',
			clientId: '8116',
		});
		expect((await searchNotes.call(onContact)).results).toEqual([
			{ name: 'Intake call', value: '3' },
			{ name: 'Passport expires in May', value: '4' },
		]);
		expect(
			(await searchNotes.call(onContact, 'passport')).results.map((note) => note.value),
		).toEqual(['4']);
		nock(API)
			.get('/matters/77')
			.reply(200, { id: 77, notes: [{ id: 9, title: 'RFE received' }] });
		const onMatter = editor({
			resource: 'note',
			operation: 'update',
			attachTo: 'matter',
			matterId: '77',
		});
		expect((await searchNotes.call(onMatter)).results).toEqual([
			{ name: 'RFE received', value: '9' },
		]);
		// An expression cannot be read in the editor's list: nothing is asked for.
		const byExpression = editor({
			resource: 'note',
			operation: 'update',
			attachTo: 'matter',
			matterId: '={{ $json.matterId }}',
		});
		expect((await searchNotes.call(byExpression)).results).toEqual([]);
	});
});
