import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { DocJurisApi } from '../../../credentials/DocJurisApi.credentials';
import { getContractTypes, getPlaybooks } from '../../../nodes/DocJuris/methods/loadOptions';
import { searchSubscriptions, searchTurns } from '../../../nodes/DocJuris/methods/listSearch';
import { DocJuris } from '../../../nodes/DocJuris/DocJuris.node';
import { nodeContexts } from '../../helpers/engine';
import { envelope } from '../../helpers/nockRequests';
import { BASE, CONTRACT_ID, contractRecord, credentials, locator, TURN_1, TURN_2 } from './harness';

/** The DocJuris node as the editor holds it (a turn's Get by default), for its lists. */
const context = (parameters: INodeParameters = {}) =>
	nodeContexts({
		nodeType: new DocJuris(),
		parameters: { resource: 'turn', operation: 'get', ...parameters },
		credentials,
	}).loadOptions();

describe('DocJuris dropdowns and lists', () => {
	it('loads every contract type as an option valued by ID', async () => {
		nock(BASE)
			.get('/v1/contractTypes')
			.query({ sortBy: 'name', skip: 0, take: 200 })
			.reply(
				200,
				envelope({
					totalCount: 2,
					contractTypes: [
						{ id: 1, name: 'MSA', description: 'Master' },
						{ id: 3, name: 'NDA', description: '' },
					],
				}),
			);
		expect(await getContractTypes.call(context())).toEqual([
			{ name: 'MSA', value: 1, description: 'Master' },
			{ name: 'NDA', value: 3, description: undefined },
		]);
	});

	it('loads playbooks as options', async () => {
		nock(BASE)
			.get('/v1/playbooks')
			.query(true)
			.reply(200, envelope({ totalCount: 1, playbooks: [{ id: 9, title: 'Sales NDA' }] }));
		expect(await getPlaybooks.call(context())).toEqual([
			{ name: 'Sales NDA', value: 9, description: undefined },
		]);
	});

	it('lists the chosen contract’s turns, newest first', async () => {
		nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`).reply(200, envelope(contractRecord()));
		const result = await searchTurns.call(context({ contractId: locator(CONTRACT_ID) }));
		expect(result.results.map((entry) => entry.value)).toEqual([TURN_2, TURN_1]);
		expect(result.results[0].name).toContain('latest');
		expect(result.results[1].name).toContain('completed');
	});

	it('offers the latest turn of a contract that carries only latestTurnId', async () => {
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}`)
			.reply(200, envelope({ id: CONTRACT_ID, latestTurnId: TURN_2 }));
		const result = await searchTurns.call(context({ contractId: locator(CONTRACT_ID) }));
		expect(result.results).toEqual([{ name: `Latest turn · ${TURN_2}`, value: TURN_2 }]);
	});

	it('lists nothing until a valid contract is chosen', async () => {
		expect(await searchTurns.call(context({ contractId: locator('') }))).toEqual({ results: [] });
	});

	it('lists subscriptions', async () => {
		nock(BASE)
			.get('/v1/subscriptions')
			.reply(
				200,
				envelope([
					{
						id: 'c5672ee4-2fc3-49a3-9d07-08f8e27b7696',
						type: 'turnTagged',
						created: '2026-02-05T19:28:14Z',
					},
				]),
			);
		expect(await searchSubscriptions.call(context())).toEqual({
			results: [
				{ name: 'turnTagged · created 2026-02-05', value: 'c5672ee4-2fc3-49a3-9d07-08f8e27b7696' },
			],
		});
	});
});

describe('DocJuris credential', () => {
	const credential = new DocJurisApi();
	it('authenticates with Basic auth from the account ID and API key', async () => {
		const authenticate = credential.authenticate as (
			credentials: object,
			options: object,
		) => Promise<object>;
		expect(
			await authenticate(
				{ accountId: 'acct-1', apiKey: 'key-2' },
				{ url: '/contracts', headers: { Accept: 'application/json' } },
			),
		).toEqual({
			url: '/contracts',
			headers: { Accept: 'application/json' },
			auth: { username: 'acct-1', password: 'key-2' },
		});
		expect(
			credential.properties.find((property) => property.name === 'apiKey')!.typeOptions,
		).toEqual({ password: true });
	});

	it('tests with a cheap authenticated read and explains a wrong key', () => {
		expect(credential.test.request.url).toBe('/contractTypes');
		const rule = credential.test.rules!.find((candidate) => candidate.properties.value === 401)!;
		expect(rule.properties.message).toMatch(/did not accept this Organization ID and API key/);
	});
});
