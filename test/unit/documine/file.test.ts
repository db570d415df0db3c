import nock from 'nock';

import { binaryItem } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { FILES, runDocuMine, URL_, where } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocuMine files and waits', () => {
	it('uploads and waits for processing through unknown intermediate statuses', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		nock(URL_)
			.post(FILES)
			.query({ keepManualChanges: 'true' })
			.reply(200, { id: 'F-7', processingStatus: 'UNPROCESSED' });
		for (const status of ['OCR_PROCESSING', 'SOMETHING_NEW', 'PROCESSED'])
			nock(URL_).get(`${FILES}/F-7`).reply(200, { id: 'F-7', processingStatus: status });
		const { output } = await runDocuMine(
			{
				resource: 'file',
				operation: 'upload',
				...where,
				binaryPropertyName: 'data',
				keepManualChanges: true,
				waitForProcessing: true,
				pollInterval: 2,
				timeout: 60,
			},
			{ items: [binaryItem('pdf', 'a.pdf', 'application/pdf')] },
		);
		expect(output[0].json).toEqual({ id: 'F-7', processingStatus: 'PROCESSED' });
		// Looks come soon at first (a tenth of the 2 s interval, at least 250 ms), then a fifth later each.
		expect(sleep.mock.calls.map(([ms]: [number]) => ms)).toEqual([250, 300, 360]);
	});

	it('uploads every file first, then waits for all of them together, each item getting its own result', async () => {
		const order: string[] = [];
		nock(URL_)
			.post(FILES)
			.times(3)
			.reply(() => {
				order.push('upload');
				return [200, { id: `F-${order.length}`, processingStatus: 'UNPROCESSED' }];
			});
		// F-1 finishes on the second round, F-2 fails, F-3 on the first round.
		const reads = new Map<string, number>();
		nock(URL_)
			.get(/\/files\/F-\d$/)
			.times(4)
			.reply((uri) => {
				const id = uri.split('/').pop()!;
				order.push(`read ${id}`);
				reads.set(id, (reads.get(id) ?? 0) + 1);
				const status =
					id === 'F-2'
						? 'ERROR'
						: id === 'F-3' || reads.get(id)! > 1
							? 'PROCESSED'
							: 'OCR_PROCESSING';
				return [200, { id, processingStatus: status }];
			});
		const items = ['a.pdf', 'b.pdf', 'c.pdf'].map((name) =>
			binaryItem(name, name, 'application/pdf'),
		);
		const { output } = await runDocuMine(
			{
				resource: 'file',
				operation: 'upload',
				...where,
				binaryPropertyName: 'data',
				waitForProcessing: true,
				pollInterval: 2,
				timeout: 60,
			},
			{ items, continueOnFail: true },
		);
		expect(order.slice(0, 3)).toEqual(['upload', 'upload', 'upload']);
		expect(order.slice(3, 6).sort()).toEqual(['read F-1', 'read F-2', 'read F-3']);
		expect(order.slice(6)).toEqual(['read F-1']);
		expect(output.map((item) => item.json)).toEqual([
			{ id: 'F-1', processingStatus: 'PROCESSED' },
			{
				error: 'DocuMine could not process b.pdf: status ERROR [item 1]',
				errorDetails:
					'Check the file in DocuMine (format, licence for Office files, reprocessing).',
			},
			{ id: 'F-3', processingStatus: 'PROCESSED' },
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('waits for many files of one dossier by reading its file list once a round, not each file', async () => {
		let uploads = 0;
		nock(URL_)
			.post(FILES)
			.times(6)
			.reply(() => [200, { id: `F-${++uploads}`, processingStatus: 'UNPROCESSED' }]);
		// F-6 finishes one round later than the others; by then it waits alone, so it is read by itself.
		const lists = capture(nock(URL_).get(FILES), 200, {
			files: [
				...Array.from({ length: 6 }, (_, index) => ({
					id: `F-${index + 1}`,
					processingStatus: index < 5 ? 'PROCESSED' : 'ANALYSE',
				})),
				{ id: 'F-OTHER', processingStatus: 'ERROR' },
			],
		});
		const single = capture(nock(URL_).get(`${FILES}/F-6`), 200, {
			id: 'F-6',
			processingStatus: 'PROCESSED',
		});
		const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}.pdf`);
		const { output } = await runDocuMine(
			{
				resource: 'file',
				operation: 'upload',
				...where,
				binaryPropertyName: 'data',
				waitForProcessing: true,
				pollInterval: 2,
				timeout: 60,
			},
			{ items: names.map((name) => binaryItem(name, name, 'application/pdf')) },
		);
		expect(lists).toHaveLength(1);
		expect(single).toHaveLength(1);
		expect(output.map((item) => item.json)).toEqual(
			names.map((_, index) => ({ id: `F-${index + 1}`, processingStatus: 'PROCESSED' })),
		);
	});

	it('fails naming the file and its status when processing errs or takes too long', async () => {
		nock(URL_).post(FILES).reply(200, { id: 'F-8' });
		nock(URL_).get(`${FILES}/F-8`).reply(200, { id: 'F-8', processingStatus: 'ERROR' });
		await expect(
			runDocuMine(
				{
					resource: 'file',
					operation: 'upload',
					...where,
					binaryPropertyName: 'data',
					waitForProcessing: true,
					pollInterval: 1,
					timeout: 5,
				},
				{ items: [binaryItem('x', 'bad.pdf')] },
			),
		).rejects.toThrow('DocuMine could not process bad.pdf: status ERROR [item 0]');

		nock(URL_).post(FILES).reply(200, { id: 'F-9' });
		nock(URL_).get(`${FILES}/F-9`).reply(200, { id: 'F-9', processingStatus: 'ANALYSE' });
		const timedOut = await runDocuMine(
			{
				resource: 'file',
				operation: 'upload',
				...where,
				binaryPropertyName: 'data',
				waitForProcessing: true,
				pollInterval: 1,
				timeout: 0.001,
			},
			{ items: [binaryItem('x', 'slow.pdf')] },
		).catch((caught) => caught);
		expect(timedOut.message).toBe(
			'Timed out waiting for the processing of slow.pdf: F-9 (ANALYSE) [item 0]',
		);
		expect(timedOut.description).toBe(
			'Still unfinished after 0 s. Raise "Timeout" or check the processing of slow.pdf in DocuMine.',
		);
	});

	it('lists, gets and deletes files', async () => {
		nock(URL_)
			.get(FILES)
			.reply(200, { files: [{ id: 'F-1' }, { id: 'F-2' }] });
		expect(
			(
				await runDocuMine({
					resource: 'file',
					operation: 'getAll',
					...where,
					returnAll: false,
					limit: 1,
				})
			).output,
		).toHaveLength(1);
		nock(URL_)
			.get(`${FILES}/F-2`)
			.reply(200, { id: 'F-2', filename: 'study-b.pdf', processingStatus: 'PROCESSED' });
		expect(
			(await runDocuMine({ resource: 'file', operation: 'get', ...where, fileId: 'F-2' })).output[0]
				.json,
		).toEqual({ id: 'F-2', filename: 'study-b.pdf', processingStatus: 'PROCESSED' });
		nock(URL_).delete(`${FILES}/F-1`).reply(204);
		expect(
			(await runDocuMine({ resource: 'file', operation: 'delete', ...where, fileId: 'F-1' }))
				.output[0].json,
		).toEqual({ id: 'F-1', deleted: true });
	});
});
