import busboy from 'busboy';
import { Readable } from 'node:stream';

export interface ParsedMultipart {
	fields: Record<string, string[]>;
	files: Array<{ field: string; fileName: string; mimeType: string; content: Buffer }>;
}

/** Parses a multipart/form-data body the way a vendor server would. */
export async function parseMultipart(
	contentType: string,
	body: Buffer | string,
): Promise<ParsedMultipart> {
	const parsed: ParsedMultipart = { fields: {}, files: [] };
	await new Promise<void>((resolve, reject) => {
		const parser = busboy({ headers: { 'content-type': contentType } });
		parser.on('field', (name, value) => (parsed.fields[name] ??= []).push(value));
		parser.on('file', (field, stream, info) => {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () =>
				parsed.files.push({
					field,
					fileName: info.filename ?? '',
					mimeType: info.mimeType,
					content: Buffer.concat(chunks),
				}),
			);
		});
		parser.on('close', resolve);
		parser.on('error', reject);
		Readable.from([Buffer.isBuffer(body) ? body : Buffer.from(body, 'binary')]).pipe(parser);
	});
	return parsed;
}
