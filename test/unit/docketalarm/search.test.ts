import nock from 'nock';

import { nodeContexts } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { BASE, loggedIn, runDocketAlarm, TOKEN } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const results = (count: number, offset = 0) =>
	Array.from({ length: count }, (_, index) => ({
		title: `Case ${offset + index}`,
		court: 'Texas Eastern District Court',
		docket: `6:13-cv-${offset + index}`,
		date_filed: '5/28/2013',
		link: 'x',
	}));

describe('Docket Alarm: search PACER', () => {
	it('sends the documented parameters, converting dates and repeating list values, and pages until a short page', async () => {
		const pages = capture(
			nock(BASE)
				.get('/api/v1/searchpacer/')
				.query((query) => query.page === '1'),
			200,
			{ success: true, page_max: 1, search_results: results(50) },
		);
		const second = capture(
			nock(BASE)
				.get('/api/v1/searchpacer/')
				.query((query) => query.page === '2'),
			200,
			{ success: true, page_max: 2, search_results: results(7, 50) },
		);
		const { output } = await runDocketAlarm(
			{
				resource: 'search',
				operation: 'searchPacer',
				partyName: 'Sony',
				returnAll: true,
				filters: {
					natureOfSuit: ['820', '830'],
					dateFiledStart: '2013-05-01T00:00:00.000-04:00',
					dateFiledEnd: '06/30/2013',
					courtRegion: 'Texas Eastern',
					caseType: 'Civil',
				},
				options: { clientMatter: 'Matter 7' },
			},
			loggedIn(),
		);
		expect(pages[0].query).toEqual({
			party_name: ['Sony'],
			case_type: ['Civil'],
			court_region: ['Texas Eastern'],
			nature_of_suit: ['820', '830'],
			date_filed_start: ['05/01/2013'],
			date_filed_end: ['06/30/2013'],
			page: ['1'],
			client_matter: ['Matter 7'],
			login_token: [TOKEN],
		});
		expect(second).toHaveLength(1);
		expect(output).toHaveLength(57);
		expect(output[0].json).toMatchObject({ date_filed: '5/28/2013', date_filed_iso: '2013-05-28' });
	});

	it('does not trust page_max on page 1 (the vendor under-reports it) and stops at the limit', async () => {
		nock(BASE)
			.get('/api/v1/searchpacer/')
			.query((query) => query.page === '1')
			.reply(200, { success: true, page_max: 1, search_results: results(50) });
		const second = capture(
			nock(BASE)
				.get('/api/v1/searchpacer/')
				.query((query) => query.page === '2'),
			200,
			{ success: true, page_max: 4, search_results: results(50, 50) },
		);
		const { output } = await runDocketAlarm(
			{
				resource: 'search',
				operation: 'searchPacer',
				partyName: 'Sony',
				returnAll: false,
				limit: 60,
			},
			loggedIn(),
		);
		expect(second).toHaveLength(1);
		expect(output).toHaveLength(60);
	});

	it.each([
		[
			{ filters: { ssn4: '1234', caseType: 'Civil' }, partyName: 'Doe' },
			'SSN Last Four needs Case Type "Bankruptcy" and a Party Name [item 0]',
		],
		[
			{ filters: { ssn4: '1234', caseType: 'Bankruptcy' }, partyName: '' },
			'SSN Last Four needs Case Type "Bankruptcy" and a Party Name [item 0]',
		],
		[
			{ filters: { ssnTid: '123-45-678', caseType: 'Bankruptcy' } },
			'SSN or Tax ID must be nine digits [item 0]',
		],
		[{ filters: { mdlId: '2741' } }, 'MDL ID needs Case Type "Multi-District Litigation" [item 0]'],
		[
			{ filters: { courtRegion: 'Atlantis' } },
			'Court Region "Atlantis" is not a Docket Alarm region [item 0]',
		],
		[
			{ filters: { dateFiledStart: '31/31/2013' }, partyName: 'x' },
			'Date Filed From "31/31/2013" is not a date [item 0]',
		],
		[
			{ partyName: 'x', options: { clientMatter: 'm'.repeat(51) } },
			'Client Matter is 51 characters long; the limit is 50 [item 0]',
		],
		[{ partyName: '' }, 'Give at least one search criterion [item 0]'],
	])('refuses %j before any fee is incurred', async (parameters, message) => {
		await expect(
			runDocketAlarm(
				{ resource: 'search', operation: 'searchPacer', partyName: '', ...parameters },
				loggedIn(),
			),
		).rejects.toThrow(message);
	});
});

describe('Docket Alarm: search', () => {
	it('pages by offset within the 1000-result window, 50 a call', async () => {
		const offsets: Array<Record<string, string>> = [];
		nock(BASE)
			.persist()
			.get('/api/v1/search/')
			.query(true)
			.reply(function (uri) {
				const query = Object.fromEntries(new URL(uri, BASE).searchParams);
				offsets.push(query);
				return [
					200,
					{
						success: true,
						count: 500,
						search_results: results(Number(query.limit), Number(query.offset)),
					},
				];
			});
		const { output } = await runDocketAlarm(
			{
				resource: 'search',
				operation: 'search',
				query: 'is:docket Acme',
				returnAll: false,
				limit: 120,
				options: { sort: '-date_filed' },
			},
			loggedIn(),
		);
		expect(output).toHaveLength(120);
		expect(offsets.map(({ offset, limit, o, q }) => ({ offset, limit, o, q }))).toEqual([
			{ offset: '0', limit: '50', o: '-date_filed', q: 'is:docket Acme' },
			{ offset: '50', limit: '50', o: '-date_filed', q: 'is:docket Acme' },
			{ offset: '100', limit: '20', o: '-date_filed', q: 'is:docket Acme' },
		]);
		expect(output[0].json).not.toHaveProperty('search_count');
		nock.cleanAll();
	});

	it('keeps the search’s total count beside each result when asked', async () => {
		nock(BASE)
			.persist()
			.get('/api/v1/search/')
			.query(true)
			.reply(function (uri) {
				const query = Object.fromEntries(new URL(uri, BASE).searchParams);
				return [
					200,
					{
						success: true,
						count: 500,
						search_results: results(Number(query.limit), Number(query.offset)),
					},
				];
			});
		const { output } = await runDocketAlarm(
			{
				resource: 'search',
				operation: 'search',
				query: 'Acme',
				returnAll: false,
				limit: 3,
				options: { includeCount: true },
			},
			loggedIn(),
		);
		expect(output.map((item) => item.json.search_count)).toEqual([500, 500, 500]);
		nock.cleanAll();
	});

	it('reads everything with the scroll protocol, sending back the newest token byte for byte, and stops at the count', async () => {
		const seen: Array<Record<string, string>> = [];
		const tokens = ['DnF1abc=', 'DnF1Xyz=', 'DnF1end='];
		nock(BASE)
			.persist()
			.get('/api/v1/search/')
			.query(true)
			.reply(function (uri) {
				const query = Object.fromEntries(new URL(uri, BASE).searchParams);
				seen.push(query);
				const step = query.scroll ? tokens.indexOf(query.scroll) + 1 : 0;
				return [
					200,
					{
						success: true,
						count: 120,
						scroll: tokens[step],
						search_results: step < 3 ? results(step === 2 ? 20 : 50, step * 50) : [],
					},
				];
			});
		const { output } = await runDocketAlarm(
			{ resource: 'search', operation: 'search', query: 'Acme', returnAll: true },
			loggedIn(),
		);
		expect(output).toHaveLength(120);
		expect(
			seen.map(({ scroll, scroll_parallel, scroll_index, offset }) => ({
				scroll,
				scroll_parallel,
				scroll_index,
				offset,
			})),
		).toEqual([
			{ scroll: undefined, scroll_parallel: '1', scroll_index: '0', offset: undefined },
			{
				scroll: 'DnF1abc=',
				scroll_parallel: undefined,
				scroll_index: undefined,
				offset: undefined,
			},
			{
				scroll: 'DnF1Xyz=',
				scroll_parallel: undefined,
				scroll_index: undefined,
				offset: undefined,
			},
		]);
		nock.cleanAll();
	});

	it('opens one scroll bin per parallel bin', async () => {
		const first: string[] = [];
		nock(BASE)
			.persist()
			.get('/api/v1/search/')
			.query(true)
			.reply(function (uri) {
				const query = Object.fromEntries(new URL(uri, BASE).searchParams);
				if (query.scroll_index !== undefined) {
					first.push(`${query.scroll_index}/${query.scroll_parallel}`);
					return [
						200,
						{
							success: true,
							count: 30,
							scroll: `bin${query.scroll_index}`,
							search_results: results(10, Number(query.scroll_index) * 10),
						},
					];
				}
				return [200, { success: true, count: 30, scroll: query.scroll, search_results: [] }];
			});
		const { output } = await runDocketAlarm(
			{
				resource: 'search',
				operation: 'search',
				query: 'Acme',
				returnAll: true,
				options: { parallelBins: 3 },
			},
			loggedIn(),
		);
		expect(first.sort()).toEqual(['0/3', '1/3', '2/3']);
		expect(output).toHaveLength(30);
		nock.cleanAll();
	});
});

describe('Docket Alarm: direct search of state and agency courts', () => {
	const court = 'Pennsylvania State, Philadelphia County';
	const form = {
		success: true,
		required: ['court', 'party_name'],
		optional: ['docketnum', 'county'],
		choices: { county: ['Philadelphia', 'Bucks'] },
	};

	it('checks the court’s required fields, then posts the search as a form', async () => {
		nock(BASE)
			.get('/api/v1/searchdirect/')
			.query((query) => query.court === court)
			.reply(200, form);
		const posted = capture(nock(BASE).post('/api/v1/searchdirect/').query(true), 200, {
			success: true,
			search_results: [
				{ title: 'Com. v. Doe', court, docket: 'CP-51-CR-1', date_filed: '1/2/2020' },
			],
		});
		const { output } = await runDocketAlarm(
			{
				resource: 'search',
				operation: 'searchDirect',
				court,
				searchFields: {
					field: [
						{ name: 'party_name', value: 'Doe' },
						{ name: 'county', value: 'Philadelphia' },
					],
				},
			},
			loggedIn(),
		);
		expect(posted[0].form).toEqual({
			court: [court],
			party_name: ['Doe'],
			county: ['Philadelphia'],
			client_matter: ['CM-default'],
			login_token: [TOKEN],
		});
		expect(output[0].json).toMatchObject({ docket: 'CP-51-CR-1', date_filed_iso: '2020-01-02' });
	});

	it('offers the court’s fields by label, with the API key they are sent as', async () => {
		const { DocketAlarm } = await import('../../../nodes/DocketAlarm/DocketAlarm.node');
		const { getDirectSearchFields } =
			await import('../../../nodes/DocketAlarm/methods/loadOptions');
		nock(BASE).get('/api/v1/searchdirect/').query(true).reply(200, form);
		const editor = nodeContexts({
			nodeType: new DocketAlarm(),
			parameters: { resource: 'search', operation: 'searchDirect', court },
			...loggedIn(),
		});
		const fields = await getDirectSearchFields.call(editor.loadOptions());
		expect(fields.map(({ name, value }) => ({ name, value }))).toEqual([
			{ name: 'Party Name (required)', value: 'party_name' },
			{ name: 'Docketnum', value: 'docketnum' },
			{ name: 'County', value: 'county' },
		]);
		expect(fields[0].description).toContain('sent as party_name');
	});

	it.each([
		[[{ name: 'county', value: 'Bucks' }], `${court} needs party_name [item 0]`],
		[
			[
				{ name: 'party_name', value: 'Doe' },
				{ name: 'county', value: 'Nowhere' },
			],
			`"Nowhere" is not an allowed value of county for ${court} [item 0]`,
		],
		[
			[
				{ name: 'party_name', value: 'Doe' },
				{ name: 'judge', value: 'X' },
			],
			`"judge" is not a search field of ${court} [item 0]`,
		],
	])('refuses fields the court does not accept: %j', async (rows, message) => {
		nock(BASE).get('/api/v1/searchdirect/').query(true).reply(200, form);
		await expect(
			runDocketAlarm(
				{ resource: 'search', operation: 'searchDirect', court, searchFields: { field: rows } },
				loggedIn(),
			),
		).rejects.toThrow(message);
	});
});

describe('Docket Alarm search, as an AI-agent tool', () => {
	it('tells the model that nothing was found instead of answering with nothing', async () => {
		nock(BASE)
			.get('/api/v1/search/')
			.query(true)
			.twice()
			.reply(200, { success: true, page_max: 0, search_results: [] });
		const tool = await runDocketAlarm(
			{ resource: 'search', operation: 'search', query: 'nobody', limit: 5 },
			{ ...loggedIn(), asTool: true },
		);
		expect(tool.output.map((item) => item.json)).toEqual([
			{ found: 0, message: 'The call succeeded and found no matching records.' },
		]);
		// The plain node outputs no item, as n8n nodes do.
		const plain = await runDocketAlarm(
			{ resource: 'search', operation: 'search', query: 'nobody', limit: 5 },
			loggedIn(),
		);
		expect(plain.output).toEqual([]);
	});
});
