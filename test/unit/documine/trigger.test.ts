import nock from 'nock';
import type { IDataObject, WorkflowExecuteMode } from 'n8n-workflow';

import { DocuMineTrigger } from '../../../nodes/DocuMine/DocuMineTrigger.node';
import { nodeContexts } from '../../helpers/engine';
import { FILES, freshToken, URL_, where } from './harness';

async function poll(event: string, staticData: IDataObject, mode: WorkflowExecuteMode = 'trigger') {
	const node = new DocuMineTrigger();
	return await node.poll.call(
		nodeContexts({
			nodeType: node,
			parameters: { event, ...where },
			credentials: freshToken(),
			staticData,
			mode,
		}).poll(),
	);
}

describe('DocuMine Trigger', () => {
	it('emits each file once when its processing ends, whatever it ended in', async () => {
		const staticData: IDataObject = {};
		nock(URL_)
			.get(FILES)
			.reply(200, {
				files: [
					{ id: 'F-1', processingStatus: 'PROCESSED' },
					{ id: 'F-2', processingStatus: 'ANALYSE' },
				],
			});
		expect(await poll('fileProcessed', staticData)).toBeNull();
		nock(URL_)
			.get(FILES)
			.reply(200, {
				files: [
					{ id: 'F-1', processingStatus: 'PROCESSED' },
					{ id: 'F-2', processingStatus: 'ERROR' },
					{ id: 'F-3', processingStatus: 'PROCESSED' },
				],
			});
		const emitted = await poll('fileProcessed', staticData);
		expect(emitted![0].map((item) => [item.json.id, item.json.succeeded])).toEqual([
			['F-2', false],
			['F-3', true],
		]);
		nock(URL_)
			.get(FILES)
			.reply(200, {
				files: [
					{ id: 'F-2', processingStatus: 'ERROR' },
					{ id: 'F-3', processingStatus: 'PROCESSED' },
				],
			});
		expect(await poll('fileProcessed', staticData)).toBeNull();
	});

	it('emits new files and ready packages once; manual mode shows the latest without moving the cursor', async () => {
		const files: IDataObject = {};
		nock(URL_)
			.get(FILES)
			.reply(200, [{ id: 'F-1' }]);
		await poll('newFile', files);
		nock(URL_)
			.get(FILES)
			.reply(200, [{ id: 'F-1' }, { id: 'F-4' }]);
		expect((await poll('newFile', files))![0].map((item) => item.json.id)).toEqual(['F-4']);

		const packages: IDataObject = {};
		nock(URL_)
			.get('/api/downloads')
			.reply(200, { downloads: [{ id: 'P-1', status: 'READY' }] });
		await poll('resultPackageReady', packages);
		nock(URL_)
			.get('/api/downloads')
			.reply(200, {
				downloads: [
					{ id: 'P-1', status: 'READY' },
					{ id: 'P-2', status: 'GENERATING' },
				],
			});
		expect(await poll('resultPackageReady', packages)).toBeNull();
		nock(URL_)
			.get('/api/downloads')
			.reply(200, {
				downloads: [
					{ id: 'P-1', status: 'READY' },
					{ id: 'P-2', status: 'READY' },
				],
			});
		expect((await poll('resultPackageReady', packages))![0].map((item) => item.json.id)).toEqual([
			'P-2',
		]);

		const manual: IDataObject = {};
		nock(URL_)
			.get('/api/downloads')
			.reply(200, { downloads: [{ id: 'P-1', status: 'READY' }] });
		expect((await poll('resultPackageReady', manual, 'manual'))![0][0].json).toEqual({
			event: 'resultPackageReady',
			id: 'P-1',
			status: 'READY',
		});
		expect(manual.state).toBeUndefined();
	});
});
