import nock from 'nock';

import { binaryContent, binaryItem } from '../../helpers/engine';
import { capture, envelope, errorEnvelope } from '../../helpers/nockRequests';
import {
	API_KEY,
	BASE,
	BASIC_AUTH,
	CONTRACT_ID,
	contractRecord,
	locator,
	runDocJuris,
	TURN_2,
} from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocJuris contract: create', () => {
	it('uploads the file as multipart with every field, Basic auth and the document password header', async () => {
		const content = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200_000, 7)]);
		const item = binaryItem(content, 'Acme NDA.docx');
		const seen = capture(nock(BASE).post('/v1/contracts'), 200, envelope(contractRecord()));

		const { output } = await runDocJuris(
			{
				resource: 'contract',
				operation: 'create',
				binaryPropertyName: 'data',
				contractType: 3,
				counterParty: locator('Company A', 'name'),
				additionalFields: {
					name: 'Acme NDA',
					description: 'Mutual NDA',
					owningUserEmail: 'owner@firm.example',
					playbookId: 7,
					documentPassword: 'hello',
				},
				extendedData: {
					namedValues: [
						{ name: 'crmId', value: 'D-42', type: 'text' },
						{ name: 'Deal', value: 'https://crm.example/d/42', type: 'url' },
					],
				},
			},
			{ items: [item] },
		);

		expect(seen).toHaveLength(1);
		const request = seen[0];
		expect(request.headers.authorization).toBe(BASIC_AUTH);
		expect(request.headers.documentpassword).toBe('aGVsbG8=');
		expect(Number(request.headers['content-length'])).toBe(request.body.length);
		expect(request.multipart!.fields).toEqual({
			contractTypeId: ['3'],
			counterPartyName: ['Company A'],
			name: ['Acme NDA'],
			description: ['Mutual NDA'],
			owningUserEmail: ['owner@firm.example'],
			playbookId: ['7'],
			extendedData: [
				JSON.stringify({
					namedValues: [
						{ name: 'crmId', value: 'D-42', type: 'text' },
						{ name: 'Deal', value: 'https://crm.example/d/42', type: 'url' },
					],
				}),
			],
		});
		expect(request.multipart!.files).toHaveLength(1);
		expect(request.multipart!.files[0]).toMatchObject({ field: 'file', fileName: 'Acme NDA.docx' });
		expect(request.multipart!.files[0].content.equals(content)).toBe(true);

		expect(output).toEqual([{ json: contractRecord(), pairedItem: { item: 0 } }]);
	});

	it('sends a contract type given by name and a counterparty given by ID', async () => {
		const seen = capture(nock(BASE).post('/v1/contracts'), 200, envelope(contractRecord()));
		await runDocJuris(
			{
				resource: 'contract',
				operation: 'create',
				contractType: 'NDA',
				counterParty: locator('12', 'id'),
			},
			{ items: [binaryItem('text file')] },
		);
		expect(seen[0].multipart!.fields).toEqual({ contractType: ['NDA'], counterPartyId: ['12'] });
	});

	it('sends a file kept inline in the item (no binary store)', async () => {
		const seen = capture(nock(BASE).post('/v1/contracts'), 200, envelope(contractRecord()));
		await runDocJuris(
			{
				resource: 'contract',
				operation: 'create',
				contractType: 3,
				counterParty: locator('Company A', 'name'),
			},
			{
				items: [
					{
						json: {},
						binary: {
							data: {
								data: Buffer.from('inline doc').toString('base64'),
								mimeType: 'application/pdf',
								fileName: 'a.pdf',
							},
						},
					},
				],
			},
		);
		expect(seen[0].multipart!.files[0]).toMatchObject({
			fileName: 'a.pdf',
			mimeType: 'application/pdf',
		});
		expect(seen[0].multipart!.files[0].content.toString()).toBe('inline doc');
	});

	it('rejects bad input before sending anything, naming the item', async () => {
		const items = [binaryItem('a'), binaryItem('b')];
		const parameters = (itemIndex: number) => ({
			resource: 'contract',
			operation: 'create',
			contractType: 3,
			counterParty: locator('Company A', 'name'),
			additionalFields: { owningUserEmail: itemIndex === 1 ? 'not-an-email' : 'ok@firm.example' },
		});
		capture(nock(BASE).post('/v1/contracts'), 200, envelope(contractRecord()));
		await expect(runDocJuris(parameters, { items })).rejects.toThrow(
			'Owner Email "not-an-email" is not a valid email address [item 1]',
		);
	});

	it('says which binary field is missing and which exist', async () => {
		const error = await runDocJuris(
			{
				resource: 'contract',
				operation: 'create',
				binaryPropertyName: 'data',
				contractType: 3,
				counterParty: locator('A', 'name'),
			},
			{ items: [binaryItem('x', 'a.docx', 'application/msword', {}, 'attachment_0')] },
		).catch((caught) => caught);
		expect(error.message).toBe('No file found in the binary field "data" [item 0]');
		expect(error.description).toContain('attachment_0');
	});

	it('rejects extended data beyond the vendor limits', async () => {
		await expect(
			runDocJuris(
				{
					resource: 'contract',
					operation: 'create',
					contractType: 3,
					counterParty: locator('A', 'name'),
					extendedData: { namedValues: [{ name: 'note', value: 'x'.repeat(3001), type: 'text' }] },
				},
				{ items: [binaryItem('x')] },
			),
		).rejects.toThrow(
			'Extended Data value of "note" is 3001 characters long; the limit is 3000 [item 0]',
		);
	});

	it('re-sends the whole upload after a 429 and waits as long as Retry-After says', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		const limited = capture(
			nock(BASE).post('/v1/contracts'),
			429,
			errorEnvelope(429, 'Too many requests'),
			{ 'Retry-After': '3' },
		);
		const accepted = capture(nock(BASE).post('/v1/contracts'), 200, envelope(contractRecord()));
		const { output } = await runDocJuris(
			{
				resource: 'contract',
				operation: 'create',
				contractType: 3,
				counterParty: locator('A', 'name'),
			},
			{ items: [binaryItem('the contract body')] },
		);
		expect(sleep).toHaveBeenCalledWith(3000);
		expect(limited[0].multipart!.files[0].content.toString()).toBe('the contract body');
		expect(accepted[0].multipart!.files[0].content.toString()).toBe('the contract body');
		expect(output[0].json.id).toBe(CONTRACT_ID);
	});

	it('never re-sends a create after a server error (it may have been processed)', async () => {
		const seen = capture(nock(BASE).post('/v1/contracts'), 502, '<html>Bad gateway</html>');
		const error = await runDocJuris(
			{
				resource: 'contract',
				operation: 'create',
				contractType: 3,
				counterParty: locator('A', 'name'),
			},
			{ items: [binaryItem('x')] },
		).catch((caught) => caught);
		expect(seen).toHaveLength(1);
		expect(error.message).toBe('DocJuris had a server error (HTTP 502) [item 0]');
	});
});

describe('DocJuris contract: get, download, document info', () => {
	it('gets a contract by API URL and unwraps the envelope', async () => {
		const seen = capture(
			nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`),
			200,
			envelope(contractRecord()),
		);
		const { output } = await runDocJuris({
			resource: 'contract',
			operation: 'get',
			contractId: locator(`https://api.docjuris.com/v1/contracts/${CONTRACT_ID}`, 'url'),
		});
		expect(seen).toHaveLength(1);
		expect(output[0].json).toEqual(contractRecord());
	});

	it('retries a read after 503 and then succeeds', async () => {
		const failures = capture(nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`).times(2), 503, 'busy');
		capture(nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`), 200, envelope(contractRecord()));
		const { output } = await runDocJuris({
			resource: 'contract',
			operation: 'get',
			contractId: locator(CONTRACT_ID),
		});
		expect(failures).toHaveLength(2);
		expect(output[0].json.id).toBe(CONTRACT_ID);
	});

	it('rejects an ID that is not a GUID without calling DocJuris', async () => {
		// Typed in, n8n's editor refuses it; from an expression, the node does, before any call.
		await expect(
			runDocJuris({ resource: 'contract', operation: 'get', contractId: locator('={{ "12" }}') }),
		).rejects.toThrow('Contract ID "12" is not a valid ID [item 0]');
	});

	it('shows the vendor message for a 404, and with Continue On Fail keeps one paired item per input', async () => {
		const other = 'b41a4a25-e692-4b4c-9002-6560de291315';
		nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`).reply(200, envelope(contractRecord()));
		nock(BASE)
			.get(`/v1/contracts/${other}`)
			.reply(404, errorEnvelope(404, 'Contract not found', 'NotFound'));
		const ids = [CONTRACT_ID, other, 'nonsense'];
		const { output } = await runDocJuris(
			(itemIndex) => ({
				resource: 'contract',
				operation: 'get',
				contractId: locator(ids[itemIndex]),
			}),
			{ items: ids.map(() => ({ json: {} })), continueOnFail: true },
		);
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.id).toBe(CONTRACT_ID);
		expect(output[1].json.error).toBe(
			'DocJuris could not find the requested record (HTTP 404): Contract not found (NotFound) [item 1]',
		);
		expect(output[2].json.error).toBe('Contract ID "nonsense" is not a valid ID [item 2]');
	});

	it('never shows the API key, even when the vendor echoes it', async () => {
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}`)
			.reply(401, errorEnvelope(401, `Key ${API_KEY} is not valid`, 'Unauthorized'));
		const error = await runDocJuris({
			resource: 'contract',
			operation: 'get',
			contractId: locator(CONTRACT_ID),
		}).catch((caught) => caught);
		expect(error.message).toContain('did not accept the credentials (HTTP 401)');
		expect(
			JSON.stringify({
				message: error.message,
				description: error.description,
				context: error.context,
			}),
		).not.toContain(API_KEY);
		expect(error.description).toContain('Check the Organization (Account) ID and API Key');
	});

	it('downloads the document as binary, named and typed from its description', async () => {
		const docx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300_000, 1)]);
		const meta = capture(
			nock(BASE)
				.get(`/v1/contracts/${CONTRACT_ID}/document/meta`)
				.query({ docState: 'completedClean' }),
			200,
			envelope({ name: 'Acme NDA v3.docx', extension: 'docx', originalFileName: 'acme.docx' }),
		);
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/document`)
			.query({ docState: 'completedClean' })
			.reply(200, docx, { 'Content-Type': 'application/octet-stream' });
		const { output } = await runDocJuris({
			resource: 'contract',
			operation: 'download',
			contractId: locator(CONTRACT_ID),
			docState: 'completedClean',
			binaryPropertyName: 'redline',
		});
		expect(meta).toHaveLength(1);
		const binary = output[0].binary!.redline;
		expect(binary).toMatchObject({
			fileName: 'Acme NDA v3.docx',
			mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		});
		expect(binaryContent({ json: {}, binary: { data: binary } }, 'data').equals(docx)).toBe(true);
		expect(output[0].json).toMatchObject({
			contractId: CONTRACT_ID,
			docState: 'completedClean',
			fileName: 'Acme NDA v3.docx',
		});
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('still downloads when /meta is not served, named from Content-Disposition', async () => {
		const pdf = Buffer.from('%PDF-1.7 redline');
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/document/meta`)
			.query(true)
			.reply(404, errorEnvelope(404, 'Not found'));
		const document = capture(
			nock(BASE).get(`/v1/contracts/${CONTRACT_ID}/document`).query({ docState: 'completedClean' }),
			200,
			pdf,
			{
				'Content-Type': 'application/pdf',
				'Content-Disposition': 'attachment; filename="Acme NDA redline.pdf"',
			},
		);
		const { output } = await runDocJuris({
			resource: 'contract',
			operation: 'download',
			contractId: locator(CONTRACT_ID),
			docState: 'completedClean',
			binaryPropertyName: 'data',
		});
		expect(document).toHaveLength(1);
		expect(output[0].binary!.data).toMatchObject({
			fileName: 'Acme NDA redline.pdf',
			mimeType: 'application/pdf',
		});
		expect(binaryContent(output[0], 'data').equals(pdf)).toBe(true);
	});

	it('explains a refused completed document on an incomplete turn', async () => {
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/document/meta`)
			.query(true)
			.reply(400, errorEnvelope(400, 'Turn is not complete'));
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/document`)
			.query(true)
			.reply(400, errorEnvelope(400, 'Turn is not complete'));
		const error = await runDocJuris({
			resource: 'contract',
			operation: 'download',
			contractId: locator(CONTRACT_ID),
			docState: 'completedWithMarkup',
		}).catch((caught) => caught);
		expect(error.message).toBe(
			'DocJuris rejected the request as invalid (HTTP 400): Turn is not complete (Error) [item 0]',
		);
		expect(error.description).toContain('only once the turn has been completed');
	});

	it("asks again with the guide's spelling, contractScreeningReport, when screeningReport is refused", async () => {
		const report = Buffer.from('PK\u0003\u0004 xlsx');
		for (const path of ['/document/meta', '/document']) {
			nock(BASE)
				.get(`/v1/contracts/${CONTRACT_ID}${path}`)
				.query({ docState: 'screeningReport' })
				.reply(400, errorEnvelope(400, 'Invalid docState'));
		}
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/document/meta`)
			.query({ docState: 'contractScreeningReport' })
			.reply(200, envelope({ name: 'report.xlsx', extension: 'xlsx' }));
		const document = capture(
			nock(BASE)
				.get(`/v1/contracts/${CONTRACT_ID}/document`)
				.query({ docState: 'contractScreeningReport' }),
			200,
			report,
		);
		const { output } = await runDocJuris({
			resource: 'contract',
			operation: 'download',
			contractId: locator(CONTRACT_ID),
			docState: 'screeningReport',
			binaryPropertyName: 'data',
		});
		expect(document).toHaveLength(1);
		expect(output[0].binary!.data).toMatchObject({ fileName: 'report.xlsx' });
	});

	it('gets the document description', async () => {
		nock(BASE)
			.get(`/v1/contracts/${CONTRACT_ID}/document/meta`)
			.query({ docState: 'screeningReport' })
			.reply(
				200,
				envelope({ name: 'report.xlsx', extension: 'xlsx', originalFileName: 'report.xlsx' }),
			);
		const { output } = await runDocJuris({
			resource: 'contract',
			operation: 'getDocumentInfo',
			contractId: locator(CONTRACT_ID),
			docState: 'screeningReport',
		});
		expect(output[0].json).toEqual({
			contractId: CONTRACT_ID,
			docState: 'screeningReport',
			name: 'report.xlsx',
			extension: 'xlsx',
			originalFileName: 'report.xlsx',
		});
	});
});

describe('DocJuris contract, as an AI-agent tool', () => {
	it('answers with the simplified contract by default: facts, turn states, named values and the app link', async () => {
		const record = contractRecord({
			description: 'Mutual NDA',
			lastModified: '2026-02-05T19:28:14Z',
			latestTurnId: TURN_2,
			extendedData: { namedValues: [{ name: 'matter', value: 'M-77' }] },
			urls: {
				app: `https://app.docjuris.com/contracts/${CONTRACT_ID}`,
				api: `${BASE}/v1/contracts/${CONTRACT_ID}`,
				document: `${BASE}/v1/contracts/${CONTRACT_ID}/document`,
			},
		});
		nock(BASE).get(`/v1/contracts/${CONTRACT_ID}`).twice().reply(200, envelope(record));
		const tool = await runDocJuris(
			{ resource: 'contract', operation: 'get', contractId: locator(CONTRACT_ID) },
			{ asTool: true },
		);
		expect(tool.output[0].json).toEqual({
			id: CONTRACT_ID,
			name: 'my contract',
			description: 'Mutual NDA',
			type: { id: 3, name: 'NDA', description: '' },
			counterParty: { id: 1, name: 'Company A' },
			lastModified: '2026-02-05T19:28:14Z',
			latestTurnId: TURN_2,
			turns: record.turns,
			namedValues: { matter: 'M-77' },
			appUrl: `https://app.docjuris.com/contracts/${CONTRACT_ID}`,
		});
		// The plain node keeps DocJuris's record as it was, unless Simplify is switched on.
		const plain = await runDocJuris({
			resource: 'contract',
			operation: 'get',
			contractId: locator(CONTRACT_ID),
		});
		expect(plain.output[0].json).toEqual(record);
	});
});
