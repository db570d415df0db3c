import nock from 'nock';

import { binaryContent } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { BASE, loggedIn, runDocketAlarm, TOKEN } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docket Alarm: document', () => {
	const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100_000, 3)]);

	it('downloads a relative link from the Docket Alarm host as a PDF, with the token only in the request', async () => {
		const downloads = capture(
			nock(BASE).get('/cases/NYSD/1--11-cv-06909/K/docs/107.pdf').query(true),
			200,
			pdf,
		);
		const { output } = await runDocketAlarm(
			{
				resource: 'document',
				operation: 'download',
				link: 'cases/NYSD/1--11-cv-06909/K/docs/107.pdf',
				cached: true,
				binaryPropertyName: 'pdf',
			},
			loggedIn(),
		);
		expect(downloads[0].query).toEqual({
			cached: ['true'],
			client_matter: ['CM-default'],
			login_token: [TOKEN],
		});
		const binary = output[0].binary!.pdf;
		expect(binary).toMatchObject({ fileName: '107.pdf', mimeType: 'application/pdf' });
		expect(binaryContent(output[0], 'pdf').equals(pdf)).toBe(true);
		expect(JSON.stringify(output[0].json)).not.toContain(TOKEN);
	});

	it('refuses a link to another host, so the token never leaves Docket Alarm', async () => {
		await expect(
			runDocketAlarm(
				{
					resource: 'document',
					operation: 'download',
					link: 'https://evil.example/cases/x.pdf',
					binaryPropertyName: 'data',
				},
				loggedIn(),
			),
		).rejects.toThrow('Document Link points to evil.example, not Docket Alarm [item 0]');
	});

	it.each([
		[
			403,
			'Document is sealed',
			'Docket Alarm refused access (HTTP 403): Document is sealed [item 0]',
			'sealed',
		],
		[
			404,
			'No such document',
			'Docket Alarm could not find the requested record (HTTP 404): No such document [item 0]',
			'Check the link',
		],
		[
			412,
			'Not in cache',
			'Docket Alarm reported a failed precondition (HTTP 412): Not in cache [item 0]',
			'Turn off "Cached Only"',
		],
	])('explains HTTP %i', async (status, vendorText, message, hint) => {
		nock(BASE)
			.get('/cases/a/docs/1.pdf')
			.query(true)
			.reply(status, { success: false, error: vendorText });
		const error = await runDocketAlarm(
			{
				resource: 'document',
				operation: 'download',
				link: `${BASE}/cases/a/docs/1.pdf`,
				cached: true,
				binaryPropertyName: 'data',
			},
			loggedIn(),
		).catch((caught) => caught);
		expect(error.message).toBe(message);
		expect(error.description).toContain(hint);
	});
});
