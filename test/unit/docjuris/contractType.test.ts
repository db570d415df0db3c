import nock from 'nock';

import { envelope } from '../../helpers/nockRequests';
import { BASE, runDocJuris } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const contractTypes = Array.from({ length: 450 }, (_, index) => ({
	id: index + 1,
	name: `Type ${index + 1}`,
	description: '',
}));

/** Serves a skip/take list with its totalCount; an account's API may serve fewer than `take` (`cap`). */
function servePages(path: string, key: string, records: unknown[], cap = Infinity) {
	const queries: Array<Record<string, string>> = [];
	nock(BASE)
		.persist()
		.get(path)
		.query(true)
		.reply(function (uri) {
			const query = Object.fromEntries(new URL(uri, BASE).searchParams);
			queries.push(query);
			const skip = Number(query.skip ?? 0);
			const take = Math.min(cap, Number(query.take ?? 200));
			return [
				200,
				envelope({
					skip,
					take,
					totalCount: records.length,
					[key]: records.slice(skip, skip + take),
				}),
			];
		});
	return queries;
}

describe('DocJuris contract types', () => {
	it('returns all contract types in pages of 200 and stops at the total', async () => {
		const queries = servePages('/v1/contractTypes', 'contractTypes', contractTypes);
		const { output } = await runDocJuris({
			resource: 'contractType',
			operation: 'getAll',
			returnAll: true,
			filters: { filter: 'Type', sortBy: 'id' },
		});
		expect(output).toHaveLength(450);
		expect(output[449].json).toEqual({ id: 450, name: 'Type 450', description: '' });
		expect(queries).toEqual([
			{ filter: 'Type', sortBy: 'id', skip: '0', take: '200' },
			{ filter: 'Type', sortBy: 'id', skip: '200', take: '200' },
			{ filter: 'Type', sortBy: 'id', skip: '400', take: '200' },
		]);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('keeps paging while the total says more remain, when the API serves fewer than asked', async () => {
		// An account whose API caps `take` at 100: every page is "short", the total says 437.
		const queries = servePages(
			'/v1/contractTypes',
			'contractTypes',
			contractTypes.slice(0, 437),
			100,
		);
		const { output } = await runDocJuris({
			resource: 'contractType',
			operation: 'getAll',
			returnAll: true,
		});
		expect(output).toHaveLength(437);
		expect(output.map((item) => item.json.id)).toEqual(
			contractTypes.slice(0, 437).map((type) => type.id),
		);
		expect(queries.map((query) => query.skip)).toEqual(['0', '100', '200', '300', '400']);
	});

	it('asks for only as many as the limit needs', async () => {
		const queries = servePages('/v1/contractTypes', 'contractTypes', contractTypes);
		const { output } = await runDocJuris({
			resource: 'contractType',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
		});
		expect(output).toHaveLength(5);
		expect(queries).toEqual([{ skip: '0', take: '5' }]);
	});

	it('does not request a page it knows is empty (exact multiple of the page size)', async () => {
		const queries = servePages('/v1/contractTypes', 'contractTypes', contractTypes.slice(0, 400));
		const { output } = await runDocJuris({
			resource: 'contractType',
			operation: 'getAll',
			returnAll: true,
		});
		expect(output).toHaveLength(400);
		expect(queries).toHaveLength(2);
	});
});
