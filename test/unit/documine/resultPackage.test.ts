import nock from 'nock';

import { binaryContent } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { D1, FILES, runDocuMine, T1, URL_, where } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocuMine result packages', () => {
	it('builds a dossier package, waits until READY, downloads the ZIP and deletes it', async () => {
		const created = capture(
			nock(URL_).post(`/api/dossier-templates/${T1}/dossiers/${D1}/create-download`),
			200,
			{ downloadId: 'P-1' },
		);
		nock(URL_).get('/api/downloads/P-1').reply(200, { id: 'P-1', status: 'QUEUED' });
		nock(URL_)
			.get('/api/downloads/P-1')
			.reply(200, { id: 'P-1', status: 'READY', filename: 'package.zip' });
		nock(URL_).get('/api/downloads/P-1/file').reply(200, Buffer.from('PK\u0003\u0004zip'), {
			'Content-Disposition': 'attachment; filename="Dossier 1.zip"',
		});
		const removed = capture(nock(URL_).delete('/api/downloads/P-1'), 204, '');
		const { output } = await runDocuMine({
			resource: 'resultPackage',
			operation: 'create',
			...where,
			scope: 'dossier',
			reportTemplateIds: 'R-1, R-2',
			waitAndDownload: true,
			pollInterval: 1,
			timeout: 60,
			binaryPropertyName: 'data',
		});
		expect(created[0].json).toEqual({ reportTemplateIds: ['R-1', 'R-2'] });
		expect(removed).toHaveLength(1);
		expect(output[0].binary!.data).toMatchObject({
			fileName: 'Dossier 1.zip',
			mimeType: 'application/zip',
		});
		expect(output[0].json).toMatchObject({
			downloadId: 'P-1',
			status: 'READY',
			deletedFromDocuMine: true,
		});
	});

	it('creates a package for chosen files without waiting', async () => {
		const created = capture(nock(URL_).post(`${FILES}/bulk/create-download`), 200, {
			id: 'P-2',
			status: 'QUEUED',
		});
		const { output } = await runDocuMine({
			resource: 'resultPackage',
			operation: 'create',
			...where,
			scope: 'files',
			fileIds: 'F-1,F-2',
			reportTemplateIds: '',
			waitAndDownload: false,
		});
		expect(created[0].json).toEqual({ fileIds: ['F-1', 'F-2'] });
		expect(output[0].json).toEqual({ id: 'P-2', status: 'QUEUED', downloadId: 'P-2' });
	});

	it('lists the workspace’s result packages, up to the limit', async () => {
		const downloads = {
			downloads: [
				{ id: 'P-1', status: 'READY' },
				{ id: 'P-2', status: 'GENERATING' },
				{ id: 'P-3', status: 'FAILED' },
			],
		};
		nock(URL_).get('/api/downloads').times(2).reply(200, downloads);
		const all = await runDocuMine({
			resource: 'resultPackage',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all.output.map((item) => item.json)).toEqual(downloads.downloads);
		const limited = await runDocuMine({
			resource: 'resultPackage',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});
		expect(limited.output.map((item) => item.json.id)).toEqual(['P-1']);
	});

	it('downloads a ready package as a ZIP named as DocuMine names it, or after its ID', async () => {
		const zip = Buffer.from('PK\u0003\u0004result');
		nock(URL_)
			.get('/api/downloads/P-1/file')
			.reply(200, zip, { 'Content-Disposition': 'attachment; filename="Study 42.zip"' });
		const named = await runDocuMine({
			resource: 'resultPackage',
			operation: 'download',
			downloadId: { __rl: true, mode: 'id', value: 'P-1' },
			binaryPropertyName: 'package',
		});
		// What an AI agent, which sees no binary, is told about the file.
		expect(named.output[0].json).toEqual({
			downloadId: 'P-1',
			fileName: 'Study 42.zip',
			mimeType: 'application/zip',
			fileSize: '10 B',
		});
		expect(named.output[0].binary!.package).toMatchObject({
			fileName: 'Study 42.zip',
			mimeType: 'application/zip',
		});
		expect(binaryContent(named.output[0], 'package').equals(zip)).toBe(true);
		nock(URL_).get('/api/downloads/P-2/file').reply(200, zip);
		const unnamed = await runDocuMine({
			resource: 'resultPackage',
			operation: 'download',
			downloadId: { __rl: true, mode: 'list', value: 'P-2' },
			binaryPropertyName: 'data',
		});
		expect(unnamed.output[0].binary!.data.fileName).toBe('documine-P-2.zip');
	});

	it('deletes a package, and names the package and item when DocuMine has none such', async () => {
		const removed = capture(nock(URL_).delete('/api/downloads/P-1'), 204, '');
		const { output } = await runDocuMine({
			resource: 'resultPackage',
			operation: 'delete',
			downloadId: { __rl: true, mode: 'id', value: 'P-1' },
		});
		expect(removed).toHaveLength(1);
		expect(output[0].json).toEqual({ id: 'P-1', deleted: true });
		nock(URL_).delete('/api/downloads/P-9').reply(404, { message: 'Download not found' });
		const missing = await runDocuMine({
			resource: 'resultPackage',
			operation: 'delete',
			downloadId: { __rl: true, mode: 'id', value: 'P-9' },
		}).catch((caught) => caught);
		expect(missing.message).toMatch(/Download not found.*\[item 0\]$/);
		expect(missing.description).toBe(
			'Request: DELETE /downloads/P-9. Check the IDs: the dossier template, dossier, file or package does not exist in this workspace.',
		);
	});
});
