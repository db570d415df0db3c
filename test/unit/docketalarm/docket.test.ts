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

describe('Docket Alarm: docket, as an AI-agent tool', () => {
	const parameters = {
		resource: 'docket',
		operation: 'get',
		court: courtByName('New York Southern District Court'),
		docket: '1:11-cv-06909',
	};

	it('answers with the case summary by default: facts, parties and the latest entries, newest first, texts cut short', async () => {
		const long = `ORDER granting <b>motion</b> to dismiss. ${'Signed by the Judge. '.repeat(40)}`;
		const entries = Array.from({ length: 14 }, (_, index) => ({
			date: `1/${index + 1}/2024`,
			number: index + 1,
			contents: index === 13 ? long : `Entry ${index + 1}`,
			link: `${BASE}/docs/${index + 1}.pdf`,
			exhibits: [{ exhibit: '1', link: `${BASE}/docs/${index + 1}/1.pdf` }],
		}));
		nock(BASE)
			.get('/api/v1/getdocket/')
			.query(true)
			.reply(200, { ...docketResponse, docket_report: entries });
		const { output } = await runDocketAlarm(parameters, { ...loggedIn(), asTool: true });
		expect(output).toHaveLength(1);
		const summary = output[0].json;
		expect(summary).toMatchObject({
			court: 'New York Southern District Court',
			docket: '1:11-cv-06909',
			title: 'Kickstarter, Inc. v. Fan Funded, LLC et al',
			date_filed: '2011-09-30',
			judge: 'Judge Katherine Polk Failla',
			parties: [
				{ name: 'Fan Funded, LLC', type: 'Defendant' },
				{ name: 'Kickstarter, Inc.', type: 'Plaintiff' },
			],
			entryCount: 14,
		});
		const latest = summary.latestEntries as Array<Record<string, unknown>>;
		expect(latest.map((entry) => entry.number)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
		expect(latest[0]).toEqual({
			number: 14,
			date: '2024-01-14',
			contents: expect.stringMatching(/^ORDER granting motion to dismiss\. Signed .*…$/),
			link: `${BASE}/docs/14.pdf`,
		});
		expect(String(latest[0].contents).length).toBe(300);
		expect(JSON.stringify(summary)).not.toContain('counsel');
		expect(JSON.stringify(summary)).not.toContain('exhibit');
	});

	it('still gives the whole docket to a tool set to Whole Docket, and the plain node keeps the whole docket by default', async () => {
		nock(BASE).get('/api/v1/getdocket/').query(true).twice().reply(200, docketResponse);
		const whole = await runDocketAlarm(
			{ ...parameters, output: 'docket' },
			{ ...loggedIn(), asTool: true },
		);
		expect(whole.output[0].json.docket_report).toHaveLength(2);
		const plain = await runDocketAlarm(parameters, loggedIn());
		expect(plain.output[0].json).toHaveProperty('parties.0.counsel');
		expect(plain.output[0].json.latestEntries).toBeUndefined();
	});
});
