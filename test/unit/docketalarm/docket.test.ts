import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { BASE, courtByName, docketResponse, loggedIn, runDocketAlarm } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docket Alarm: docket', () => {
	const parameters = {
		resource: 'docket',
		operation: 'get',
		court: courtByName('New York Southern District Court'),
		docket: '1:11-cv-06909',
	};

	it('returns the whole docket with ISO twins of its dates', async () => {
		nock(BASE).get('/api/v1/getdocket/').query(true).reply(200, docketResponse);
		const { output } = await runDocketAlarm({ ...parameters, output: 'docket' }, loggedIn());
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			court: 'New York Southern District Court',
			docket: '1:11-cv-06909',
			info: { date_filed: '9/30/2011', date_filed_iso: '2011-09-30' },
		});
		expect(output[0].json.success).toBeUndefined();
	});

	it('returns one item per docket entry, or per party, and fetches fresh data when asked', async () => {
		const fresh = capture(nock(BASE).get('/api/v1/getdocket/').query(true), 200, docketResponse);
		const entries = await runDocketAlarm(
			{ ...parameters, output: 'entries', cached: false },
			loggedIn(),
		);
		expect(fresh[0].query.cached).toBeUndefined();
		expect(entries.output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				court: 'New York Southern District Court',
				title: docketResponse.info.title,
				number: 107,
				date_iso: '2014-09-11',
				entry_date_iso: '2014-09-11',
			}),
			expect.objectContaining({ contents: 'Minute Entry', link: null }),
		]);
		nock(BASE).get('/api/v1/getdocket/').query(true).reply(200, docketResponse);
		const parties = await runDocketAlarm({ ...parameters, output: 'parties' }, loggedIn());
		expect(parties.output.map((item) => item.json.name)).toEqual([
			'Fan Funded, LLC',
			'Kickstarter, Inc.',
		]);
	});

	it('asks whether the court is a PACER court and for every document of each entry, when chosen', async () => {
		const { DocketAlarm } = await import('../../../nodes/DocketAlarm/DocketAlarm.node');
		const options = new DocketAlarm().description.properties.find(
			(property) =>
				property.name === 'options' && property.displayOptions?.show?.resource?.includes('docket'),
		)!;
		expect((options.options as Array<{ name: string }>).map((option) => option.name)).toEqual(
			expect.arrayContaining(['checkIsPacer', 'addDocumentsByEntries']),
		);
		const seen = capture(nock(BASE).get('/api/v1/getdocket/').query(true), 200, {
			...docketResponse,
			is_pacer: true,
		});
		const { output } = await runDocketAlarm(
			{
				...parameters,
				output: 'docket',
				options: { checkIsPacer: true, addDocumentsByEntries: true },
			},
			loggedIn(),
		);
		expect(seen[0].query).toMatchObject({
			check_is_pacer: ['true'],
			add_documents_by_entries: ['true'],
		});
		expect(output[0].json.is_pacer).toBe(true);
	});
});
