import nock from 'nock';

import { binaryContent, binaryItem } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { API, runDocketwise } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise documents', () => {
	it('uploads a file as base64 inside JSON, streamed, named after the file', async () => {
		const content = Buffer.from(Array.from({ length: 70_001 }, (_, index) => (index * 7) & 0xff));
		const uploaded = capture(nock(API).post('/documents'), 201, {
			id: 4512,
			title: 'passport.pdf',
		});
		await runDocketwise(
			{
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: 'data',
				additionalFields: { client_id: 8116, matter_id: 77, description: 'Passport' },
			},
			{ items: [binaryItem(content, 'passport.pdf', 'application/pdf')] },
		);
		expect(Number(uploaded[0].headers['content-length'])).toBe(uploaded[0].body.length);
		expect(uploaded[0].json).toEqual({
			document: {
				title: 'passport.pdf',
				filename: 'passport.pdf',
				client_id: 8116,
				matter_id: 77,
				description: 'Passport',
				base64_data: content.toString('base64'),
			},
		});
	});

	it('downloads through the one-hour link, without sending the token to the storage host', async () => {
		const pdf = Buffer.from('%PDF-1.4 passport scan');
		nock(API)
			.get('/documents/4512')
			.reply(200, { id: 4512, title: 'passport.pdf', size: pdf.length });
		nock(API)
			.get('/documents/4512/download')
			.reply(200, { url: 'https://storage.test/bucket/4512?X-Amz-Signature=abc' });
		const fetched = capture(nock('https://storage.test').get('/bucket/4512').query(true), 200, pdf);
		const { output } = await runDocketwise({
			resource: 'document',
			operation: 'download',
			documentId: '4512',
			binaryPropertyName: 'file',
		});
		expect(fetched[0].headers.authorization).toBeUndefined();
		const binary = output[0].binary!.file;
		expect(binary).toMatchObject({ fileName: 'passport.pdf', mimeType: 'application/pdf' });
		expect(binaryContent({ json: {}, binary: { data: binary } }, 'data').equals(pdf)).toBe(true);
	});

	it('searches documents by title', async () => {
		const search = capture(nock(API).get('/documents').query(true), 200, [
			{ id: 1, title: 'I-130 receipt' },
		]);
		await runDocketwise({
			resource: 'document',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'receipt' },
		});
		expect(search[0].query).toEqual({ search: ['receipt'], page: ['1'] });
	});

	it('gets a document’s record by ID', async () => {
		nock(API)
			.get('/documents/4512')
			.reply(200, { id: 4512, title: 'passport.pdf', client_id: 8116 });
		const { output } = await runDocketwise({
			resource: 'document',
			operation: 'get',
			documentId: '4512',
		});
		expect(output[0].json).toEqual({ id: 4512, title: 'passport.pdf', client_id: 8116 });
	});
});
