import nock from 'nock';

import { PARALLEL_ITEMS } from '../../../nodes/shared/itemLoop';
import { capture } from '../../helpers/nockRequests';
import { API, contact, HOST, locator, runDocketwise } from '../docketwise/harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

/** Answers after a pause and records how many requests were open at once. */
function slowContacts(times: number, fail: (id: number) => boolean = () => false) {
	const seen = { inFlight: 0, maxInFlight: 0, order: [] as number[] };
	nock(API)
		.get(/\/contacts\/\d+$/)
		.times(times)
		.reply((uri, _body, callback) => {
			const id = Number(uri.split('/').pop());
			seen.order.push(id);
			seen.inFlight++;
			seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
			// Later items answer sooner, so answers arrive out of order.
			setTimeout(
				() => {
					seen.inFlight--;
					callback(null, fail(id) ? [404, { error: 'Not found' }] : [200, contact(id)]);
				},
				40 - (id % 20),
			);
		});
	return seen;
}

const getContact = (ids: number[]) => (itemIndex: number) => ({
	resource: 'contact',
	operation: 'get',
	contactId: locator(ids[itemIndex]),
	simplify: true,
});

describe('the item loop', () => {
	afterEach(() => nock.cleanAll());

	it('works on reads side by side, bounded, and outputs in input order, each item paired', async () => {
		const ids = Array.from({ length: 30 }, (_, index) => index + 1);
		const seen = slowContacts(ids.length);
		const { output } = await runDocketwise(getContact(ids), {
			items: ids.map(() => ({ json: {} })),
		});
		expect(seen.maxInFlight).toBe(PARALLEL_ITEMS);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	});

	it('with Continue On Fail gives every item exactly one output, failures in their place', async () => {
		const ids = Array.from({ length: 12 }, (_, index) => index + 1);
		slowContacts(ids.length, (id) => id % 5 === 0);
		const { output } = await runDocketwise(getContact(ids), {
			items: ids.map(() => ({ json: {} })),
			continueOnFail: true,
		});
		expect(output).toHaveLength(12);
		expect(output.map((item) => (item.json.error ? 'error' : item.json.id))).toEqual([
			1,
			2,
			3,
			4,
			'error',
			6,
			7,
			8,
			9,
			'error',
			11,
			12,
		]);
		expect(output[4].json.error).toBe(
			'Docketwise could not find the requested record (HTTP 404): Not found [item 4]',
		);
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	});

	it('stops at the first failing item without Continue On Fail and starts no further item', async () => {
		const ids = Array.from({ length: 40 }, (_, index) => index + 1);
		const seen = slowContacts(ids.length, (id) => id === 3);
		const error = await runDocketwise(getContact(ids), {
			items: ids.map(() => ({ json: {} })),
		}).catch((caught) => caught);
		expect(error.context.itemIndex).toBe(2);
		// Those already in flight finish; nothing after them is sent.
		expect(seen.order.length).toBeLessThanOrEqual(1 + PARALLEL_ITEMS * 2);
		expect(seen.order.length).toBeLessThan(ids.length);
	});

	it('sends creates one at a time, in order, and none after a failure', async () => {
		const bodies: string[] = [];
		let open = 0;
		let maxOpen = 0;
		nock(API)
			.post('/contacts')
			.times(5)
			.reply((_uri, body, callback) => {
				const name = (body as { contact: { first_name: string } }).contact.first_name;
				bodies.push(name);
				maxOpen = Math.max(maxOpen, ++open);
				setTimeout(() => {
					open--;
					callback(
						null,
						name === 'C'
							? [422, { errors: { first_name: ['is invalid'] } }]
							: [201, contact(bodies.length)],
					);
				}, 10);
			});
		const names = ['A', 'B', 'C', 'D', 'E'];
		const error = await runDocketwise(
			(itemIndex) => ({
				resource: 'contact',
				operation: 'create',
				firstName: names[itemIndex],
				lastName: 'Client',
			}),
			{
				items: names.map(() => ({ json: {} })),
			},
		).catch((caught) => caught);
		expect(error.context.itemIndex).toBe(2);
		expect(bodies).toEqual(['A', 'B', 'C']);
		expect(maxOpen).toBe(1);
	});

	it('refreshes an OAuth2 token once when parallel items are all refused with 401', async () => {
		const refreshes = capture(nock(HOST).post('/oauth/token'), 200, {
			access_token: 'dw-access-NEW',
			refresh_token: 'dw-refresh-NEW',
			token_type: 'Bearer',
		});
		// The old token works for the first item, then expires while the others are in flight.
		nock(API).get('/contacts/1').reply(200, contact(1));
		nock(API)
			.get(/\/contacts\/\d+$/)
			.matchHeader('authorization', /Bearer dw-access-0/)
			.times(19)
			.delay(20)
			.reply(401, { error: 'invalid_token' });
		nock(API)
			.get(/\/contacts\/\d+$/)
			.matchHeader('authorization', 'Bearer dw-access-NEW')
			.times(19)
			.reply((uri) => [200, contact(Number(uri.split('/').pop()))]);
		const ids = Array.from({ length: 20 }, (_, index) => index + 1);
		const { output } = await runDocketwise(getContact(ids), {
			items: ids.map(() => ({ json: {} })),
		});
		expect(refreshes).toHaveLength(1);
		expect(output.map((item) => item.json.id)).toEqual(ids);
	});
});
