import nock from 'nock';

import { binaryItem } from '../../helpers/engine';
import { capture, envelope } from '../../helpers/nockRequests';
import { BASE, runDocJuris } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocJuris import', () => {
	it('stages a file with its extended data', async () => {
		const seen = capture(
			nock(BASE).post('/v1/imports'),
			200,
			envelope({
				id: 'f00dbabe-0000-4000-8000-000000000001',
				urls: { app: 'https://app.docjuris.com/imports/x' },
			}),
		);
		const { output } = await runDocJuris(
			{
				resource: 'import',
				operation: 'create',
				binaryPropertyName: 'attachment',
				extendedData: { namedValues: [{ name: 'matter', value: 'M-1' }] },
			},
			{ items: [binaryItem('email attachment', 'draft.pdf', 'application/pdf', {}, 'attachment')] },
		);
		expect(seen[0].multipart!.fields).toEqual({
			extendedData: ['{"namedValues":[{"name":"matter","value":"M-1","type":"text"}]}'],
		});
		expect(seen[0].multipart!.files[0]).toMatchObject({
			field: 'file',
			fileName: 'draft.pdf',
			mimeType: 'application/pdf',
		});
		expect(output[0].json.id).toBe('f00dbabe-0000-4000-8000-000000000001');
		expect(seen[0].headers.documentpassword).toBeUndefined();
	});

	it('opens a protected file with its Document Password, sent as the documentPassword header', async () => {
		const seen = capture(
			nock(BASE).post('/v1/imports'),
			200,
			envelope({ id: 'f00dbabe-0000-4000-8000-000000000002' }),
		);
		await runDocJuris(
			{
				resource: 'import',
				operation: 'create',
				binaryPropertyName: 'data',
				extendedData: {},
				options: { documentPassword: 'open-sesame' },
			},
			{ items: [binaryItem('locked', 'locked.docx')] },
		);
		expect(seen[0].headers.documentpassword).toBe(Buffer.from('open-sesame').toString('base64'));
	});
});
