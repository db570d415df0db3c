import {
	jsonBodyWithBase64File,
	multipartBody,
	type UploadFile,
} from '../../../nodes/shared/binary';
import { parseMultipart } from '../../helpers/multipart';

async function collect(body: { stream(): AsyncGenerator<Uint8Array> }): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body.stream()) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

function fileOf(content: Buffer, chunkSize: number): UploadFile {
	return {
		fileName: 'a.pdf',
		mimeType: 'application/pdf',
		size: content.length,
		open: async () => {
			const chunks: Buffer[] = [];
			for (let offset = 0; offset < content.length; offset += chunkSize)
				chunks.push(content.subarray(offset, offset + chunkSize));
			return chunks;
		},
	};
}

describe('streamed bodies', () => {
	it.each([1, 2, 3, 4, 5, 1000, 65_537])(
		'base64 inside JSON equals the whole-file encoding (%i bytes), whatever the chunking',
		async (size) => {
			const content = Buffer.from(
				Array.from({ length: size }, (_, index) => (index * 13 + 5) & 0xff),
			);
			for (const chunkSize of [1, 2, 7, 4096]) {
				const body = jsonBodyWithBase64File(
					'document',
					{ title: 'Passport "scan"', matter_id: 7 },
					'base64_data',
					fileOf(content, chunkSize),
				);
				const bytes = await collect(body);
				expect(bytes.length).toBe(body.size);
				expect(JSON.parse(bytes.toString('utf8'))).toEqual({
					document: {
						title: 'Passport "scan"',
						matter_id: 7,
						base64_data: content.toString('base64'),
					},
				});
			}
		},
	);

	it('writes a record with no other fields', async () => {
		const body = jsonBodyWithBase64File(
			'document',
			{},
			'base64_data',
			fileOf(Buffer.from('hi'), 1),
		);
		expect((await collect(body)).toString()).toBe('{"document":{"base64_data":"aGk="}}');
	});

	it('builds multipart a vendor server parses, with repeated fields and an exact size', async () => {
		const content = Buffer.from([0, 255, 13, 10, 45, 45]);
		const body = multipartBody(
			{ tags: ['a', 'b'], name: 'x', empty: '' },
			'file',
			fileOf(content, 2),
		);
		const bytes = await collect(body);
		expect(bytes.length).toBe(body.size);
		const parsed = await parseMultipart(body.type, bytes);
		expect(parsed.fields).toEqual({ tags: ['a', 'b'], name: ['x'] });
		expect(parsed.files[0].content.equals(content)).toBe(true);
	});
});
