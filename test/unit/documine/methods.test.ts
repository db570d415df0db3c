import nock from 'nock';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { nodeContexts } from '../../helpers/engine';
import { D1, freshToken, runDocuMine, T1, URL_, where } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocuMine pickers', () => {
	it('lists the files of the chosen dossier, and nothing before a dossier is chosen', async () => {
		const { DocuMine } = await import('../../../nodes/DocuMine/DocuMine.node');
		const { searchFiles } = await import('../../../nodes/DocuMine/methods/listSearch');
		nock(URL_)
			.get(`/api/dossier-templates/${T1}/dossiers/${D1}/files`)
			.reply(200, {
				files: [{ id: 'F-1', filename: 'study-a.pdf', processingStatus: 'PROCESSED' }],
			});
		const context = (parameters: IDataObject) =>
			nodeContexts({
				nodeType: new DocuMine(),
				parameters: { resource: 'file', operation: 'get', ...parameters } as INodeParameters,
				credentials: freshToken(),
			}).loadOptions();
		expect((await searchFiles.call(context(where))).results).toEqual([
			{ name: 'study-a.pdf (PROCESSED)', value: 'F-1' },
		]);
		expect((await searchFiles.call(context({ templateId: where.templateId }))).results).toEqual([]);
	});

	it('lists result packages, and reads a file and a package picked from the lists', async () => {
		const { DocuMine } = await import('../../../nodes/DocuMine/DocuMine.node');
		const { searchResultPackages } = await import('../../../nodes/DocuMine/methods/listSearch');
		nock(URL_)
			.get('/api/downloads')
			.reply(200, {
				downloads: [
					{ id: 'P-1', filename: 'old.zip', status: 'READY', creationDate: '2026-01-01' },
					{ id: 'P-2', filename: 'new.zip', status: 'READY', creationDate: '2026-02-01' },
				],
			});
		const context = nodeContexts({
			nodeType: new DocuMine(),
			parameters: { resource: 'resultPackage', operation: 'get' },
			credentials: freshToken(),
		}).loadOptions();
		expect((await searchResultPackages.call(context)).results.map((entry) => entry.value)).toEqual([
			'P-2',
			'P-1',
		]);
		nock(URL_).get('/api/downloads/P-2').reply(200, { id: 'P-2', status: 'READY' });
		const picked = await runDocuMine({
			resource: 'resultPackage',
			operation: 'get',
			downloadId: { __rl: true, mode: 'list', value: 'P-2' },
		});
		expect(picked.output[0].json).toMatchObject({ id: 'P-2' });
		nock(URL_)
			.get(`/api/dossier-templates/${T1}/dossiers/${D1}/files/F-1`)
			.reply(200, { id: 'F-1' });
		const file = await runDocuMine({
			resource: 'file',
			operation: 'get',
			...where,
			fileId: { __rl: true, mode: 'list', value: 'F-1' },
		});
		expect(file.output[0].json).toMatchObject({ id: 'F-1' });
	});
});
