import nock from 'nock';

import { binaryContent, binaryItem } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { ACCESS_TOKEN, API, CLIENT_SECRET, contact, credential, HOST, locator, pagedList, REFRESH_TOKEN, runDocketwise } from './harness';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => undefined) }));

describe('Docketwise contacts', () => {
	it('creates a contact wrapped in "contact", with addresses and phones as nested attributes', async () => {
		const created = capture(nock(API).post('/contacts'), 201, contact(7));
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'create',
			firstName: 'Ana',
			lastName: 'Ruiz',
			additionalFields: { email: 'ana@example.com', type: 'Person', lead: true },
			addresses: { address: [{ id: 0, street_number_and_name: '1 Main St', city: 'Austin', state: 'TX', zip_code: '78701', physical: true, mailing: false, apartment_number: '', province: '' }] },
			phoneNumbers: { phone: [{ id: 0, number: '5125550100', daytime: true }] },
		});
		expect(created[0].headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
		expect(created[0].json).toEqual({
			contact: {
				first_name: 'Ana',
				last_name: 'Ruiz',
				email: 'ana@example.com',
				type: 'Person',
				lead: true,
				addresses_attributes: [{ data: { street_number_and_name: '1 Main St', city: 'Austin', state: 'TX', zip_code: '78701', physical: true, mailing: false } }],
				phone_numbers_attributes: [{ data: { number: '5125550100', daytime: true } }],
			},
		});
		expect(output[0].json.id).toBe(7);
	});

	it('creates a company contact with no person names, and offers each name once', async () => {
		const created = capture(nock(API).post('/contacts'), 201, { id: 8, company_name: 'Acme LLC', type: 'Institution' });
		await runDocketwise({ resource: 'contact', operation: 'create', firstName: '', lastName: '', companyName: 'Acme LLC', additionalFields: { type: 'Institution' } });
		expect(created[0].json).toEqual({ contact: { company_name: 'Acme LLC', type: 'Institution' } });

		const { Docketwise } = await import('../../../nodes/Docketwise/Docketwise.node');
		const shownFor = (resource: string, operation: string) =>
			new Docketwise().description.properties.filter((property) => {
				const show = property.displayOptions?.show;
				return show?.resource?.includes(resource) && show?.operation?.includes(operation);
			});
		const contactCreate = shownFor('contact', 'create');
		const extra = contactCreate.find((property) => property.name === 'additionalFields')!.options!.map((option) => option.name);
		expect(extra.filter((name) => ['first_name', 'last_name', 'company_name'].includes(name))).toEqual([]);
		expect(contactCreate.filter((property) => property.required).map((property) => property.name)).toEqual([]);
		const matterCreate = shownFor('matter', 'create');
		expect(matterCreate.find((property) => property.name === 'additionalFields')!.options!.map((option) => option.name)).not.toContain('title');
	});

	it('refuses a contact with no name at all before sending, naming the item', async () => {
		const error = await runDocketwise({ resource: 'contact', operation: 'create', firstName: ' ', lastName: '', companyName: '', additionalFields: {} }).catch((caught) => caught);
		expect(error.message).toBe('A contact needs a First Name, a Last Name or a Company Name [item 0]');
	});

	it('reads the pages after the first a few at a time once X-Pagination gives their number, keeping their order', async () => {
		const records = Array.from({ length: 1_950 }, (_, index) => contact(index + 1));
		const pages: number[] = [];
		let open = 0;
		let maxOpen = 0;
		nock(API)
			.get('/contacts')
			.query(true)
			.times(10)
			.reply((uri, _body, callback) => {
				const page = Number(new URL(uri, HOST).searchParams.get('page') ?? 1);
				pages.push(page);
				maxOpen = Math.max(maxOpen, ++open);
				const pagination = { total: records.length, total_pages: 10, next_page: page < 10 ? page + 1 : null, previous_page: null };
				// Later pages answer sooner, so answers arrive out of order.
				setTimeout(() => {
					open--;
					callback(null, [200, records.slice((page - 1) * 200, page * 200), { 'X-Pagination': JSON.stringify(pagination) }]);
				}, 30 - page * 2);
			});
		const { output } = await runDocketwise({ resource: 'contact', operation: 'getAll', returnAll: true, filters: {}, simplify: true });
		expect(pages.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(maxOpen).toBe(4);
		expect(output.map((item) => item.json.id)).toEqual(records.map((record) => record.id));
	});

	it('reads every page by X-Pagination, 200 a page, without asking for a page it knows is empty', async () => {
		const list = pagedList(Array.from({ length: 400 }, (_, index) => contact(index + 1)));
		nock(API).persist().get('/contacts').query(true).reply(list.reply);
		const { output } = await runDocketwise({ resource: 'contact', operation: 'getAll', returnAll: true, filters: { type: 'Person' }, simplify: true });
		expect(list.pages).toEqual([1, 2]);
		expect(output).toHaveLength(400);
		expect(Object.keys(output[0].json)).toEqual(['id', 'first_name', 'middle_name', 'last_name', 'company_name', 'email', 'lead', 'lead_phone', 'created_at', 'updated_at']);
	});

	it('stops at the limit, and returns the raw record when Simplify is off', async () => {
		const list = pagedList(Array.from({ length: 450 }, (_, index) => contact(index + 1)));
		nock(API).persist().get('/contacts').query(true).reply(list.reply);
		const { output } = await runDocketwise({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5, simplify: false });
		expect(list.pages).toEqual([1]);
		expect(output).toHaveLength(5);
		expect(output[0].json.physical_address).toEqual({ id: 10, city: 'Austin' });
	});

	it('waits as long as Retry-After says on 429 and loses nothing', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		nock(API).get('/contacts/5').reply(429, { error: 'Throttled' }, { 'Retry-After': '2' });
		nock(API).get('/contacts/5').reply(200, contact(5));
		const { output } = await runDocketwise({ resource: 'contact', operation: 'get', contactId: locator(5), simplify: true });
		expect(sleep).toHaveBeenCalledWith(2000);
		expect(output[0].json.id).toBe(5);
	});

	it('treats 419 like 429: waits and re-sends, even a create, and loses nothing', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		nock(API).get('/contacts/5').reply(419, { error: 'Too many requests' }, { 'Retry-After': '3' });
		nock(API).get('/contacts/5').reply(200, contact(5));
		const { output } = await runDocketwise({ resource: 'contact', operation: 'get', contactId: locator(5), simplify: true });
		expect(sleep).toHaveBeenCalledWith(3000);
		expect(output[0].json.id).toBe(5);

		const creates = capture(nock(API).post('/notes').times(2), 419, { error: 'Too many requests' });
		nock(API).post('/notes').reply(201, { id: 77, title: 'Call' });
		const created = await runDocketwise({ resource: 'note', operation: 'create', attachTo: 'matter', matterId: '3', title: 'Call', content: 'x' });
		expect(creates).toHaveLength(2);
		expect(created.output[0].json).toMatchObject({ id: 77 });
	});

	it('refreshes an expired access token once, through the credential, and retries', async () => {
		nock(API).get('/contacts/5').matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`).times(2).reply(401, { error: 'invalid_token' });
		const refresh = capture(nock(HOST).post('/oauth/token'), 200, { access_token: 'dw-access-NEW', refresh_token: 'dw-refresh-NEW', token_type: 'Bearer', expires_in: 15552000 });
		nock(API).get('/contacts/5').matchHeader('authorization', 'Bearer dw-access-NEW').reply(200, contact(5));
		nock(API).get('/contacts/6').matchHeader('authorization', 'Bearer dw-access-NEW').reply(200, contact(6));
		const ids = [5, 6];
		const { output } = await runDocketwise((itemIndex) => ({ resource: 'contact', operation: 'get', contactId: locator(ids[itemIndex]), simplify: true }), {
			items: [{ json: {} }, { json: {} }],
		});
		expect(refresh).toHaveLength(1);
		expect(refresh[0].form).toEqual({ grant_type: ['refresh_token'], refresh_token: [REFRESH_TOKEN], client_id: ['dw-client'], client_secret: [CLIENT_SECRET] });
		expect(output.map((item) => item.json.id)).toEqual([5, 6]);
	});

	it('takes a contact from its app link, and says when there is nothing to update', async () => {
		const updated = capture(nock(API).put('/contacts/42'), 200, contact(42, { email: 'new@client.example' }));
		await runDocketwise({ resource: 'contact', operation: 'update', contactId: locator('https://app.docketwise.com/contacts/42', 'url'), updateFields: { email: 'new@client.example' } });
		expect(updated[0].json).toEqual({ contact: { email: 'new@client.example' } });
		await expect(runDocketwise({ resource: 'contact', operation: 'update', contactId: locator(42), updateFields: {} })).rejects.toThrow('Nothing to update [item 0]');
	});

	it('deletes a contact and never shows the tokens in an error', async () => {
		nock(API).delete('/contacts/9').reply(200, {});
		const { output } = await runDocketwise({ resource: 'contact', operation: 'delete', contactId: locator(9) });
		expect(output[0].json).toEqual({ id: 9, deleted: true });
		nock(API).delete('/contacts/10').reply(422, { errors: { base: [`cannot delete with token ${ACCESS_TOKEN}`] } });
		const error = await runDocketwise({ resource: 'contact', operation: 'delete', contactId: locator(10) }).catch((caught) => caught);
		expect(error.message).toContain('could not process the request (HTTP 422)');
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toMatch(new RegExp(`${ACCESS_TOKEN}|${REFRESH_TOKEN}|${CLIENT_SECRET}`));
	});
});

describe('Docketwise matters', () => {
	it('creates a matter for a client with assigned users', async () => {
		const created = capture(nock(API).post('/matters'), 201, { id: 77, client_id: 8116 });
		await runDocketwise({ resource: 'matter', operation: 'create', clientId: locator(8116), title: 'Ruiz – I-130', additionalFields: { number: '1234', user_ids: [1, '2'] } });
		expect(created[0].json).toEqual({ matter: { client_id: 8116, title: 'Ruiz – I-130', number: '1234', user_ids: [1, 2] } });
	});

	it('fills the required client_id from the current matter when an update leaves it empty', async () => {
		capture(nock(API).get('/matters/77'), 200, { id: 77, client_id: 8116, title: 'Old' });
		const updated = capture(nock(API).put('/matters/77'), 200, { id: 77 });
		await runDocketwise({ resource: 'matter', operation: 'update', matterId: locator(77), clientId: locator(''), updateFields: { title: 'New' } });
		expect(updated[0].json).toEqual({ matter: { title: 'New', client_id: 8116 } });

		const direct = capture(nock(API).put('/matters/77'), 200, { id: 77 });
		await runDocketwise({ resource: 'matter', operation: 'update', matterId: locator(77), clientId: locator(9000), updateFields: {} });
		expect(direct[0].json).toEqual({ matter: { client_id: 9000 } });
	});

	it('lists receipts, and rejects a matter ID that is not a number before calling', async () => {
		nock(API).get('/matters/77/receipts').reply(200, [{ id: 1, number: 'EAC0000000000' }]);
		const { output } = await runDocketwise({ resource: 'matter', operation: 'getReceipts', matterId: locator(77) });
		expect(output[0].json).toEqual({ matter_id: 77, id: 1, number: 'EAC0000000000' });
		// Typed in, n8n's editor refuses it; from an expression, the node does, before any call.
		await expect(runDocketwise({ resource: 'matter', operation: 'get', matterId: locator('={{ "abc" }}'), simplify: true })).rejects.toThrow('Matter ID "abc" is not a valid ID [item 0]');
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
		const { output } = await runDocketwise({ resource: 'matter', operation: 'get', matterId: locator(77), simplify: true });
		expect(output[0].json).toEqual({ id: 77, title: 'Ruiz – I-130', user_ids: [3, 4], client: record.client, receipts: record.receipts, notes: record.notes });
		nock(API).get('/contacts/5').reply(200, { ...contact(5), notes: [{ id: 6, content: 'Prefers email' }] });
		const person = await runDocketwise({ resource: 'contact', operation: 'get', contactId: locator(5), simplify: true });
		expect(person.output[0].json.notes).toEqual([{ id: 6, content: 'Prefers email' }]);
	});

	it('gets receipts with Return All or up to a limit', async () => {
		const receipts = Array.from({ length: 5 }, (_, index) => ({ id: index + 1, number: `EAC00000000${index}` }));
		nock(API).get('/matters/77/receipts').times(2).reply(200, receipts);
		const limited = await runDocketwise({ resource: 'matter', operation: 'getReceipts', matterId: locator(77), returnAll: false, limit: 2 });
		expect(limited.output.map((item) => item.json.id)).toEqual([1, 2]);
		const all = await runDocketwise({ resource: 'matter', operation: 'getReceipts', matterId: locator(77), returnAll: true });
		expect(all.output).toHaveLength(5);
	});
});

describe('Docketwise documents', () => {
	it('uploads a file as base64 inside JSON, streamed, named after the file', async () => {
		const content = Buffer.from(Array.from({ length: 70_001 }, (_, index) => (index * 7) & 0xff));
		const uploaded = capture(nock(API).post('/documents'), 201, { id: 4512, title: 'passport.pdf' });
		await runDocketwise(
			{ resource: 'document', operation: 'upload', binaryPropertyName: 'data', additionalFields: { client_id: 8116, matter_id: 77, description: 'Passport' } },
			{ items: [binaryItem(content, 'passport.pdf', 'application/pdf')] },
		);
		expect(Number(uploaded[0].headers['content-length'])).toBe(uploaded[0].body.length);
		expect(uploaded[0].json).toEqual({
			document: { title: 'passport.pdf', filename: 'passport.pdf', client_id: 8116, matter_id: 77, description: 'Passport', base64_data: content.toString('base64') },
		});
	});

	it('downloads through the one-hour link, without sending the token to the storage host', async () => {
		const pdf = Buffer.from('%PDF-1.4 passport scan');
		nock(API).get('/documents/4512').reply(200, { id: 4512, title: 'passport.pdf', size: pdf.length });
		nock(API).get('/documents/4512/download').reply(200, { url: 'https://storage.test/bucket/4512?X-Amz-Signature=abc' });
		const fetched = capture(nock('https://storage.test').get('/bucket/4512').query(true), 200, pdf);
		const { output } = await runDocketwise({ resource: 'document', operation: 'download', documentId: '4512', binaryPropertyName: 'file' });
		expect(fetched[0].headers.authorization).toBeUndefined();
		const binary = output[0].binary!.file;
		expect(binary).toMatchObject({ fileName: 'passport.pdf', mimeType: 'application/pdf' });
		expect(binaryContent({ json: {}, binary: { data: binary } }, 'data').equals(pdf)).toBe(true);
	});

	it('searches documents by title', async () => {
		const search = capture(nock(API).get('/documents').query(true), 200, [{ id: 1, title: 'I-130 receipt' }]);
		await runDocketwise({ resource: 'document', operation: 'getAll', returnAll: true, filters: { search: 'receipt' } });
		expect(search[0].query).toEqual({ search: ['receipt'], page: ['1'] });
	});
});

describe('Docketwise invoices and charges', () => {
	it('creates an invoice with dates, matters and discount flags', async () => {
		const created = capture(nock(API).post('/invoices'), 201, { id: 42 });
		await runDocketwise({
			resource: 'invoice',
			operation: 'create',
			contactId: locator(8116),
			additionalFields: { due_date: '2026-12-31T00:00:00.000Z', invoice_type: 'bill', matter_ids: '77, 78', discount_percent: 10, user_id: '3' },
		});
		expect(created[0].json).toEqual({
			invoice: { contact_id: 8116, due_date: '2026-12-31', invoice_type: 'bill', discount_percent: 10, has_discount_percent: true, user_id: 3, invoice_matters_attributes: [{ matter_id: 77 }, { matter_id: 78 }] },
		});
	});

	it('sends a trust request with its trust level and the last reminder date', async () => {
		const { Docketwise } = await import('../../../nodes/Docketwise/Docketwise.node');
		for (const operation of ['create', 'update']) {
			const form = new Docketwise().description.properties.filter((property) => property.displayOptions?.show?.resource?.includes('invoice') && property.displayOptions?.show?.operation?.includes(operation));
			const offered = form.flatMap((property) => (property.options ?? []).map((option) => (option as { name: string }).name));
			expect(offered).toEqual(expect.arrayContaining(['trust_level', 'last_reminder']));
		}
		const created = capture(nock(API).post('/invoices'), 201, { id: 43 });
		await runDocketwise({
			resource: 'invoice',
			operation: 'create',
			contactId: locator(8116),
			additionalFields: { invoice_type: 'trust_request', trust_level: 'matter_level', trust_request_amount: 2500, last_reminder: '2026-11-20T09:30:00.000Z' },
		});
		expect(created[0].json).toEqual({
			invoice: { contact_id: 8116, invoice_type: 'trust_request', trust_level: 'matter_level', trust_request_amount: 2500, last_reminder: '2026-11-20T09:30:00.000Z' },
		});
	});

	it('adds, updates, lists and deletes charges', async () => {
		const created = capture(nock(API).post('/invoices/42/charges'), 201, { id: 5 });
		await runDocketwise({ resource: 'charge', operation: 'create', invoiceId: locator(42), amount: 350, status: 'fee', date: '2026-11-01T00:00:00.000Z', additionalFields: { description: 'USCIS filing fee', matter_id: 77 } });
		expect(created[0].json).toEqual({ charge: { amount: 350, status: 'fee', date: '2026-11-01', description: 'USCIS filing fee', matter_id: 77 } });

		const updated = capture(nock(API).put('/charges/5'), 200, { id: 5 });
		await runDocketwise({ resource: 'charge', operation: 'update', invoiceId: locator(42), chargeId: { __rl: true, mode: 'list', value: '5' }, updateFields: { amount: 400 } });
		expect(updated[0].json).toEqual({ charge: { amount: 400 } });

		nock(API).get('/invoices/42/charges').query(true).reply(200, [{ id: 5 }, { id: 6 }]);
		expect((await runDocketwise({ resource: 'charge', operation: 'getAll', invoiceId: locator(42), returnAll: true })).output).toHaveLength(2);

		nock(API).delete('/charges/5').reply(200, {});
		expect((await runDocketwise({ resource: 'charge', operation: 'delete', chargeId: locator(5) })).output[0].json).toEqual({ id: 5, deleted: true });
		// A workflow saved when Charge ID was a plain text field still runs.
		nock(API).delete('/charges/6').reply(200, {});
		expect((await runDocketwise({ resource: 'charge', operation: 'delete', chargeId: '6' })).output[0].json).toEqual({ id: 6, deleted: true });

		await expect(runDocketwise({ resource: 'charge', operation: 'update', chargeId: '5', updateFields: { amount: -1 } })).rejects.toThrow('Amount "-1" must be a number of at least 0 [item 0]');
	});
});

describe('Docketwise notes and lists', () => {
	it('creates a note with top-level fields, updates and deletes it', async () => {
		const created = capture(nock(API).post('/notes'), 201, { id: 3, title: 'request photos' });
		await runDocketwise({ resource: 'note', operation: 'create', attachTo: 'matter', matterId: '1', title: 'request photos', content: 'ask for the missing pictures' });
		expect(created[0].json).toEqual({ matter_id: '1', title: 'request photos', content: 'ask for the missing pictures' });

		nock(API).put('/notes/3').reply(200, { success: 'Note updated successfully.' });
		const { output } = await runDocketwise({ resource: 'note', operation: 'update', noteId: { __rl: true, mode: 'list', value: '3' }, attachTo: 'contact', clientId: '8116', title: 'x', content: '' });
		expect(output[0].json).toEqual({ id: 3, updated: true, success: 'Note updated successfully.' });

		const deleted = capture(nock(API).delete('/notes/3'), 200, {});
		expect((await runDocketwise({ resource: 'note', operation: 'delete', noteId: locator(3) })).output[0].json).toEqual({ id: 3, deleted: true });
		expect(deleted).toHaveLength(1);
		await expect(runDocketwise({ resource: 'note', operation: 'delete', noteId: locator('={{ "3a" }}') })).rejects.toThrow('Note ID');

		await expect(runDocketwise({ resource: 'note', operation: 'create', attachTo: 'matter', matterId: '1', title: '', content: '' })).rejects.toThrow('The note has neither a title nor content [item 0]');
	});

	it.each([
		['user', '/users'],
		['matterType', '/matter_types'],
		['matterStatus', '/matter_statuses'],
		['country', '/countries'],
	])('lists %s from %s', async (resource, path) => {
		nock(API).get(path).query(true).reply(200, [{ id: 1, name: 'x' }]);
		const { output } = await runDocketwise({ resource, operation: 'getAll', returnAll: true });
		expect(output[0].json).toEqual({ id: 1, name: 'x' });
	});

	it('uses the default host when no custom URL is set', async () => {
		nock('https://app.docketwise.com').get('/api/v1/users').query(true).reply(200, []);
		await runDocketwise({ resource: 'user', operation: 'getAll', returnAll: true }, { credentials: credential({ useCustomUrl: false }) });
	});
});
