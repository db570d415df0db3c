import { randomBytes } from 'crypto';
import {
	BINARY_ENCODING,
	NodeOperationError,
	type IBinaryData,
	type IExecuteFunctions,
} from 'n8n-workflow';

/** A file taken from an input item's binary data, ready to be streamed to a vendor. */
export interface UploadFile {
	fileName: string;
	mimeType: string;
	/** Size in bytes. */
	size: number;
	/** Opens the content; may be called again to re-send the file (e.g. after a 429). */
	open(): Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;
}

/**
 * Reads the binary property of an item without loading it into memory when n8n keeps it in its
 * binary store (filesystem, database or S3): the content is streamed from there on demand.
 */
export async function binaryUploadFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	maxBytes?: number,
): Promise<UploadFile> {
	const item = ctx.getInputData()[itemIndex];
	const binary: IBinaryData | undefined = item?.binary?.[propertyName];
	if (!binary) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(ctx.getNode(), `No file found in the binary field "${propertyName}" [item ${itemIndex}]`, {
			itemIndex,
			description: available.length
				? `This item's binary fields are: ${available.join(', ')}. Set "Input Binary Field" to the one holding the file.`
				: 'This item carries no binary data. Add a node before this one that reads or downloads the file (e.g. "Read/Write Files from Disk" or "HTTP Request" with response format File).',
		});
	}
	const fileName = binary.fileName || `${propertyName}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const mimeType = binary.mimeType || 'application/octet-stream';

	let file: UploadFile;
	if (binary.id) {
		const binaryId = binary.id;
		const metadata = await ctx.helpers.getBinaryMetadata(binaryId);
		if (typeof metadata.fileSize === 'number' && metadata.fileSize >= 0) {
			file = {
				fileName,
				mimeType,
				size: metadata.fileSize,
				open: async () => await ctx.helpers.getBinaryStream(binaryId),
			};
		} else {
			// Without a known size we cannot announce Content-Length, so read it once.
			const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, propertyName);
			file = { fileName, mimeType, size: buffer.length, open: async () => [buffer] };
		}
	} else {
		const buffer = Buffer.from(binary.data, BINARY_ENCODING);
		file = { fileName, mimeType, size: buffer.length, open: async () => [buffer] };
	}
	if (file.size === 0) {
		throw new NodeOperationError(ctx.getNode(), `The file in the binary field "${propertyName}" is empty [item ${itemIndex}]`, {
			itemIndex,
		});
	}
	if (maxBytes !== undefined && file.size > maxBytes) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The file "${fileName}" is ${file.size} bytes, over the ${maxBytes}-byte limit [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	return file;
}

/** A form field's value; an array is sent as the same field repeated. */
export type MultipartField = string | number | boolean | undefined | string[];

function quoteHeaderValue(value: string): string {
	return value.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
}

/**
 * A multipart/form-data body that is streamed, never buffered whole. It presents itself as a
 * Blob (type, size, stream()), which n8n's HTTP client (axios) sends as a stream with an exact
 * Content-Length. This keeps memory flat for large documents without any runtime dependency.
 */
export class StreamedMultipartBody {
	readonly type: string;
	readonly size: number;
	readonly boundary: string;
	private readonly head: Buffer;
	private readonly tail: Buffer;

	constructor(
		fields: Record<string, MultipartField>,
		fileFieldName: string,
		private readonly file: UploadFile,
	) {
		this.boundary = `----n8nLegalTech${randomBytes(12).toString('hex')}`;
		this.type = `multipart/form-data; boundary=${this.boundary}`;
		const parts: string[] = [];
		for (const [name, value] of Object.entries(fields)) {
			for (const single of Array.isArray(value) ? value : [value]) {
				if (single === undefined || single === '') continue;
				parts.push(`--${this.boundary}\r\nContent-Disposition: form-data; name="${quoteHeaderValue(name)}"\r\n\r\n${String(single)}\r\n`);
			}
		}
		parts.push(
			`--${this.boundary}\r\nContent-Disposition: form-data; name="${quoteHeaderValue(fileFieldName)}"; filename="${quoteHeaderValue(file.fileName)}"\r\n` +
				`Content-Type: ${file.mimeType}\r\n\r\n`,
		);
		this.head = Buffer.from(parts.join(''), 'utf8');
		this.tail = Buffer.from(`\r\n--${this.boundary}--\r\n`, 'utf8');
		this.size = this.head.length + file.size + this.tail.length;
	}

	get [Symbol.toStringTag](): string {
		return 'Blob';
	}

	async *stream(): AsyncGenerator<Uint8Array> {
		yield this.head;
		for await (const chunk of await this.file.open()) yield chunk;
		yield this.tail;
	}
}

const EXTENSION_MIME_TYPES: Record<string, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	doc: 'application/msword',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	xls: 'application/vnd.ms-excel',
	pdf: 'application/pdf',
	zip: 'application/zip',
	xml: 'application/xml',
	json: 'application/json',
	txt: 'text/plain',
	rtf: 'application/rtf',
	htm: 'text/html',
	html: 'text/html',
	csv: 'text/csv',
};

/** MIME type for a file name, from its extension. */
export function mimeTypeForFileName(fileName: string, fallback = 'application/octet-stream'): string {
	const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
	return EXTENSION_MIME_TYPES[extension] ?? fallback;
}

/** File name announced by a Content-Disposition header, if any. */
export function fileNameFromContentDisposition(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
	if (encoded) {
		try {
			return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// Malformed percent-encoding: fall through to the plain filename parameter.
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
	return plain ? (plain[2] ?? plain[1]).trim() : undefined;
}
