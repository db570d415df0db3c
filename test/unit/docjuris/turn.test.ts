import nock from 'nock';

import { binaryContent, binaryItem } from '../../helpers/engine';
import { capture, envelope, errorEnvelope } from '../../helpers/nockRequests';
import { BASE, CONTRACT_ID, contractRecord, locator, runDocJuris, TURN_1, TURN_2 } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const turnRecord = {
	id: 'a1b2c3d4-0000-4000-8000-000000000001',
	lastModified: '2026-03-01T10:00:00Z',
	source: 'Outside counsel',
	tags: [],
};

describe('DocJuris turn: create', () => {
	it('reads the contract for its latest turn (by lastModified when latestTurnId is absent) and uploads the new turn', async () => {
		const readContract = capture(
			nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`),
			200,
			envelope(contractRecord()),
		);
		const upload = capture(
			nock(BASE).post(`/v1/contracts/${CONTRACT_ID}/turns`),
			200,
			envelope(turnRecord),
		);
		const { output } = await runDocJuris(
			{
				resource: 'turn',
				operation: 'create',
				contractId: locator(CONTRACT_ID),
				turnSelection: 'latest',
				additionalFields: {
					source: 'Outside counsel',
					description: 'Round 2',
					executionCopyTag: 'importedIsExecutionCopy',
				},
			},
			{ items: [binaryItem('redline v2', 'v2.docx')] },
		);
		expect(readContract).toHaveLength(1);
		expect(upload[0].multipart!.fields).toEqual({
			currentTurnId: [TURN_2],
			source: ['Outside counsel'],
			description: ['Round 2'],
			tags: ['1ccc94a7-e71b-4e03-9bb9-995a6a63f568'],
		});
		expect(upload[0].multipart!.files[0]).toMatchObject({ fileName: 'v2.docx' });
		expect(output[0].json).toEqual({ contractId: CONTRACT_ID, ...turnRecord });
	});

	it('prefers latestTurnId and uses a given turn ID without reading the contract', async () => {
		capture(
			nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`),
			200,
			envelope(contractRecord({ latestTurnId: TURN_1 })),
		);
		const first = capture(
			nock(BASE).post(`/v1/contracts/${CONTRACT_ID}/turns`),
			200,
			envelope(turnRecord),
		);
		await runDocJuris(
			{
				resource: 'turn',
				operation: 'create',
				contractId: locator(CONTRACT_ID),
				turnSelection: 'latest',
			},
			{ items: [binaryItem('x')] },
		);
		expect(first[0].multipart!.fields.currentTurnId).toEqual([TURN_1]);

		const second = capture(
			nock(BASE).post(`/v1/contracts/${CONTRACT_ID}/turns`),
			200,
			envelope(turnRecord),
		);
		await runDocJuris(
			{
				resource: 'turn',
				operation: 'create',
				contractId: locator(CONTRACT_ID),
				turnSelection: 'specific',
				turnId: locator(TURN_2),
			},
			{ items: [binaryItem('x')] },
		);
		expect(second[0].multipart!.fields).toEqual({ currentTurnId: [TURN_2] });
	});

	it('explains a refusal because another turn was uploaded meanwhile', async () => {
		nock(BASE)
			.post(`/v1/contracts/${CONTRACT_ID}/turns`)
			.reply(409, errorEnvelope(409, 'currentTurnId is not the latest turn', 'Conflict'));
		const error = await runDocJuris(
			{
				resource: 'turn',
				operation: 'create',
				contractId: locator(CONTRACT_ID),
				turnSelection: 'specific',
				turnId: locator(TURN_1),
			},
			{ items: [binaryItem('x')] },
		).catch((caught) => caught);
		expect(error.message).toBe(
			'DocJuris reported a conflict (HTTP 409): currentTurnId is not the latest turn (Conflict) [item 0]',
		);
		expect(error.description).toContain('another turn may have been uploaded meanwhile');
		expect(error.context.itemIndex).toBe(0);
	});

	it('fails clearly for a contract without turns', async () => {
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}`)
			.reply(200, envelope(contractRecord({ turns: [] })));
		await expect(
			runDocJuris(
				{ resource: 'turn', operation: 'create', contractId: locator(CONTRACT_ID) },
				{ items: [binaryItem('x')] },
			),
		).rejects.toThrow(`Contract ${CONTRACT_ID} has no turns yet [item 0]`);
	});
});

describe('DocJuris turn: get, download, document info', () => {
	it('gets the latest turn without the user knowing its ID', async () => {
		nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`).reply(200, envelope(contractRecord()));
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/turns/${TURN_2}`)
			.reply(200, envelope({ id: TURN_2, isLatest: true, importedFileName: 'v2.pdf' }));
		const { output } = await runDocJuris({
			resource: 'turn',
			operation: 'get',
			contractId: locator(CONTRACT_ID),
		});
		expect(output[0].json).toEqual({
			contractId: CONTRACT_ID,
			id: TURN_2,
			isLatest: true,
			importedFileName: 'v2.pdf',
		});
	});

	it('downloads a turn document in the chosen state, falling back to Content-Disposition for the name', async () => {
		const xlsx = Buffer.from('PK-screening-report');
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/turns/${TURN_1}/document/meta`)
			.query({ docState: 'screeningReport' })
			.reply(200, envelope({ extension: 'xlsx' }));
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/turns/${TURN_1}/document`)
			.query({ docState: 'screeningReport' })
			.reply(200, xlsx, { 'Content-Disposition': 'attachment; filename="Screening Acme.xlsx"' });
		const { output } = await runDocJuris({
			resource: 'turn',
			operation: 'download',
			contractId: locator(CONTRACT_ID),
			turnSelection: 'specific',
			turnId: locator(TURN_1),
			docState: 'screeningReport',
			binaryPropertyName: 'data',
		});
		const binary = output[0].binary!.data;
		expect(binary.fileName).toBe('Screening Acme.xlsx');
		expect(binary.mimeType).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		);
		expect(binaryContent({ json: {}, binary: { data: binary } }, 'data').equals(xlsx)).toBe(true);
		expect(output[0].json).toMatchObject({
			contractId: CONTRACT_ID,
			turnId: TURN_1,
			docState: 'screeningReport',
		});
	});

	it('gets a turn document description', async () => {
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/turns/${TURN_1}/document/meta`)
			.query({ docState: 'original' })
			.reply(200, envelope({ name: 'v1.docx', extension: 'docx', originalFileName: 'v1.pdf' }));
		const { output } = await runDocJuris({
			resource: 'turn',
			operation: 'getDocumentInfo',
			contractId: locator(CONTRACT_ID),
			turnSelection: 'specific',
			turnId: locator(TURN_1),
			docState: 'original',
		});
		expect(output[0].json).toEqual({
			contractId: CONTRACT_ID,
			turnId: TURN_1,
			docState: 'original',
			name: 'v1.docx',
			extension: 'docx',
			originalFileName: 'v1.pdf',
		});
	});
});
