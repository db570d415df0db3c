import nock from 'nock';

import { binaryContent } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { FILES, runDocuMine, URL_, where } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocuMine components', () => {
	it('returns components as they come or flattened to name → value', async () => {
		const components = {
			components: [
				{ name: 'Study Title', values: [{ value: 'Acute toxicity' }] },
				{ name: 'Species', values: ['Rat', 'Mouse'] },
				{ name: 'Guideline', value: 'OECD 423' },
			],
		};
		nock(URL_).get(`${FILES}/F-1/components`).times(2).reply(200, components);
		const raw = await runDocuMine({
			resource: 'component',
			operation: 'get',
			...where,
			fileId: 'F-1',
			format: 'json',
			flatten: false,
		});
		expect(raw.output[0].json).toEqual({ fileId: 'F-1', ...components });
		const flat = await runDocuMine({
			resource: 'component',
			operation: 'get',
			...where,
			fileId: 'F-1',
			format: 'json',
			flatten: true,
		});
		expect(flat.output[0].json).toEqual({
			fileId: 'F-1',
			'Study Title': 'Acute toxicity',
			Species: ['Rat', 'Mouse'],
			Guideline: 'OECD 423',
		});
	});

	it('exports components as an XML file', async () => {
		const xml = capture(nock(URL_).get(`${FILES}/F-1/components`), 200, '<components/>', {
			'Content-Type': 'application/xml',
		});
		const { output } = await runDocuMine({
			resource: 'component',
			operation: 'get',
			...where,
			fileId: 'F-1',
			format: 'xml',
			binaryPropertyName: 'xml',
		});
		expect(xml[0].headers.accept).toBe('application/xml');
		expect(binaryContent(output[0], 'xml').toString()).toBe('<components/>');
	});
});

describe('DocuMine components, as an AI-agent tool', () => {
	it('answers flattened to name → value by default, and an XML export says what file it made', async () => {
		nock(URL_)
			.get(`${FILES}/F-1/components`)
			.reply(200, { components: [{ name: 'Species', values: ['Rat', 'Mouse'] }] });
		const flat = await runDocuMine(
			{ resource: 'component', operation: 'get', ...where, fileId: 'F-1' },
			{ asTool: true },
		);
		expect(flat.output[0].json).toEqual({ fileId: 'F-1', Species: ['Rat', 'Mouse'] });
		nock(URL_).get(`${FILES}/F-1/components`).reply(200, '<components/>', {
			'Content-Type': 'application/xml',
		});
		const xml = await runDocuMine(
			{ resource: 'component', operation: 'get', ...where, fileId: 'F-1', format: 'xml' },
			{ asTool: true },
		);
		expect(xml.output[0].json).toEqual({
			fileId: 'F-1',
			format: 'xml',
			fileName: 'components-F-1.xml',
			mimeType: 'application/xml',
			fileSize: '13 B',
		});
	});
});
