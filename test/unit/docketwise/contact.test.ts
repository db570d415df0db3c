import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import {
	ACCESS_TOKEN,
	API,
	CLIENT_SECRET,
	contact,
	HOST,
	locator,
	pagedList,
	REFRESH_TOKEN,
	runDocketwise,
} from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise contacts', () => {
	it('creates a contact wrapped in "contact", with addresses and phones as nested attributes', async () => {
		const created = capture(nock(API).post('/contacts'), 201, contact(7));
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'create',
			firstName: 'Ana',
			lastName: 'Ruiz',
			additionalFields: { email: 'ana@example.com', type: 'Person', lead: true },
			addresses: {
				address: [
					{
						id: 0,
						street_number_and_name: '1 Main St',
						city: 'Austin',
						state: 'TX',
						zip_code: '78701',
						physical: true,
						mailing: false,
						apartment_number: '',
						province: '',
					},
				],
			},
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
				addresses_attributes: [
					{
						data: {
							street_number_and_name: '1 Main St',
							city: 'Austin',
							state: 'TX',
							zip_code: '78701',
							physical: true,
							mailing: false,
						},
					},
				],
				phone_numbers_attributes: [{ data: { number: '5125550100', daytime: true } }],
			},
		});
		expect(output[0].json.id).toBe(7);
	});

	it('creates a company contact with no person names, and offers each name once', async () => {
		const created = capture(nock(API).post('/contacts'), 201, {
			id: 8,
			company_name: 'Acme LLC',
			type: 'Institution',
		});
		await runDocketwise({
			resource: 'contact',
			operation: 'create',
			firstName: '',
			lastName: '',
			companyName: 'Acme LLC',
			additionalFields: { type: 'Institution' },
		});
		expect(created[0].json).toEqual({ contact: { company_name: 'Acme LLC', type: 'Institution' } });

		const { Docketwise } = await import('../../../nodes/Docketwise/Docketwise.node');
		const shownFor = (resource: string, operation: string) =>
			new Docketwise().description.properties.filter((property) => {
				const show = property.displayOptions?.show;
				return show?.resource?.includes(resource) && show?.operation?.includes(operation);
			});
		const contactCreate = shownFor('contact', 'create');
		const extra = contactCreate
			.find((property) => property.name === 'additionalFields')!
			.options!.map((option) => option.name);
		expect(
			extra.filter((name) => ['first_name', 'last_name', 'company_name'].includes(name)),
		).toEqual([]);
		expect(
			contactCreate.filter((property) => property.required).map((property) => property.name),
		).toEqual([]);
		const matterCreate = shownFor('matter', 'create');
		expect(
			matterCreate
				.find((property) => property.name === 'additionalFields')!
				.options!.map((option) => option.name),
		).not.toContain('title');
	});

	it('refuses a contact with no name at all before sending, naming the item', async () => {
		const error = await runDocketwise({
			resource: 'contact',
			operation: 'create',
			firstName: ' ',
			lastName: '',
			companyName: '',
			additionalFields: {},
		}).catch((caught) => caught);
		expect(error.message).toBe(
			'A contact needs a First Name, a Last Name or a Company Name [item 0]',
		);
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
				const pagination = {
					total: records.length,
					total_pages: 10,
					next_page: page < 10 ? page + 1 : null,
					previous_page: null,
				};
				// Later pages answer sooner, so answers arrive out of order.
				setTimeout(
					() => {
						open--;
						callback(null, [
							200,
							records.slice((page - 1) * 200, page * 200),
							{ 'X-Pagination': JSON.stringify(pagination) },
						]);
					},
					30 - page * 2,
				);
			});
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: {},
			simplify: true,
		});
		expect(pages.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(maxOpen).toBe(4);
		expect(output.map((item) => item.json.id)).toEqual(records.map((record) => record.id));
	});

	it('reads every page by X-Pagination, 200 a page, without asking for a page it knows is empty', async () => {
		const list = pagedList(Array.from({ length: 400 }, (_, index) => contact(index + 1)));
		nock(API).persist().get('/contacts').query(true).reply(list.reply);
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { type: 'Person' },
			simplify: true,
		});
		expect(list.pages).toEqual([1, 2]);
		expect(output).toHaveLength(400);
		expect(Object.keys(output[0].json)).toEqual([
			'id',
			'first_name',
			'middle_name',
			'last_name',
			'company_name',
			'email',
			'lead',
			'lead_phone',
			'created_at',
			'updated_at',
		]);
	});

	it('stops at the limit, and returns the raw record when Simplify is off', async () => {
		const list = pagedList(Array.from({ length: 450 }, (_, index) => contact(index + 1)));
		nock(API).persist().get('/contacts').query(true).reply(list.reply);
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			simplify: false,
		});
		expect(list.pages).toEqual([1]);
		expect(output).toHaveLength(5);
		expect(output[0].json.physical_address).toEqual({ id: 10, city: 'Austin' });
	});

	it('waits as long as Retry-After says on 429 and loses nothing', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		nock(API).get('/contacts/5').reply(429, { error: 'Throttled' }, { 'Retry-After': '2' });
		nock(API).get('/contacts/5').reply(200, contact(5));
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'get',
			contactId: locator(5),
			simplify: true,
		});
		expect(sleep).toHaveBeenCalledWith(2000);
		expect(output[0].json.id).toBe(5);
	});

	it('treats 419 like 429: waits and re-sends, even a create, and loses nothing', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		nock(API).get('/contacts/5').reply(419, { error: 'Too many requests' }, { 'Retry-After': '3' });
		nock(API).get('/contacts/5').reply(200, contact(5));
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'get',
			contactId: locator(5),
			simplify: true,
		});
		expect(sleep).toHaveBeenCalledWith(3000);
		expect(output[0].json.id).toBe(5);

		const creates = capture(nock(API).post('/notes').times(2), 419, { error: 'Too many requests' });
		nock(API).post('/notes').reply(201, { id: 77, title: 'Call' });
		const created = await runDocketwise({
			resource: 'note',
			operation: 'create',
			attachTo: 'matter',
			matterId: '3',
			title: 'Call',
			content: 'x',
		});
		expect(creates).toHaveLength(2);
		expect(created.output[0].json).toMatchObject({ id: 77 });
	});

	it('refreshes an expired access token once, through the credential, and retries', async () => {
		nock(API)
			.get('/contacts/5')
			.matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
			.times(2)
			.reply(401, { error: 'invalid_token' });
		const refresh = capture(nock(HOST).post('/oauth/token'), 200, {
			access_token: 'dw-access-NEW',
			refresh_token: 'dw-refresh-NEW',
			token_type: 'Bearer',
			expires_in: 15552000,
		});
		nock(API)
			.get('/contacts/5')
			.matchHeader('authorization', 'Bearer dw-access-NEW')
			.reply(200, contact(5));
		nock(API)
			.get('/contacts/6')
			.matchHeader('authorization', 'Bearer dw-access-NEW')
			.reply(200, contact(6));
		const ids = [5, 6];
		const { output } = await runDocketwise(
			(itemIndex) => ({
				resource: 'contact',
				operation: 'get',
				contactId: locator(ids[itemIndex]),
				simplify: true,
			}),
			{
				items: [{ json: {} }, { json: {} }],
			},
		);
		expect(refresh).toHaveLength(1);
		expect(refresh[0].form).toEqual({
			grant_type: ['refresh_token'],
			refresh_token: [REFRESH_TOKEN],
			client_id: ['dw-client'],
			client_secret: [CLIENT_SECRET],
		});
		expect(output.map((item) => item.json.id)).toEqual([5, 6]);
	});

	it('takes a contact from its app link, and says when there is nothing to update', async () => {
		const updated = capture(
			nock(API).put('/contacts/42'),
			200,
			contact(42, { email: 'new@client.example' }),
		);
		await runDocketwise({
			resource: 'contact',
			operation: 'update',
			contactId: locator('https://app.docketwise.com/contacts/42', 'url'),
			updateFields: { email: 'new@client.example' },
		});
		expect(updated[0].json).toEqual({ contact: { email: 'new@client.example' } });
		await expect(
			runDocketwise({
				resource: 'contact',
				operation: 'update',
				contactId: locator(42),
				updateFields: {},
			}),
		).rejects.toThrow('Nothing to update [item 0]');
	});

	it('deletes a contact and never shows the tokens in an error', async () => {
		nock(API).delete('/contacts/9').reply(200, {});
		const { output } = await runDocketwise({
			resource: 'contact',
			operation: 'delete',
			contactId: locator(9),
		});
		expect(output[0].json).toEqual({ id: 9, deleted: true });
		nock(API)
			.delete('/contacts/10')
			.reply(422, { errors: { base: [`cannot delete with token ${ACCESS_TOKEN}`] } });
		const error = await runDocketwise({
			resource: 'contact',
			operation: 'delete',
			contactId: locator(10),
		}).catch((caught) => caught);
		expect(error.message).toContain('could not process the request (HTTP 422)');
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toMatch(
			new RegExp(`${ACCESS_TOKEN}|${REFRESH_TOKEN}|${CLIENT_SECRET}`),
		);
	});
});
