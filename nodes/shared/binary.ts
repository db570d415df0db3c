import { randomBytes } from 'crypto';
import {
	BINARY_ENCODING,
	NodeOperationError,
	type IBinaryData,
	type IExecuteFunctions,
} from 'n8n-workflow';

// Large reads from n8n's binary store: a gigabyte in 64 KiB pieces costs seconds of per-chunk work.
const UPLOAD_CHUNK_BYTES = 1 << 20;

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
		throw new NodeOperationError(
			ctx.getNode(),
			`No file found in the binary field "${propertyName}" [item ${itemIndex}]`,
			{
				itemIndex,
				description: available.length
					? `This item's binary fields are: ${available.join(', ')}. Set "Input Binary Field" to the one holding the file.`
					: 'This item carries no binary data. Add a node before this one that reads or downloads the file (e.g. "Read/Write Files from Disk" or "HTTP Request" with response format File).',
			},
		);
	}
	const fileName =
		binary.fileName || `${propertyName}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
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
				open: async () => await ctx.helpers.getBinaryStream(binaryId, UPLOAD_CHUNK_BYTES),
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
		throw new NodeOperationError(
			ctx.getNode(),
			`The file in the binary field "${propertyName}" is empty [item ${itemIndex}]`,
			{
				itemIndex,
			},
		);
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

/** A piece of a streamed body: fixed bytes, or a file sent as is or base64-encoded. */
export type BodySegment = Buffer | { file: UploadFile; base64?: boolean };

function segmentSize(segment: BodySegment): number {
	if (Buffer.isBuffer(segment)) return segment.length;
	return segment.base64 ? 4 * Math.ceil(segment.file.size / 3) : segment.file.size;
}

/** Base64-encodes a byte stream chunk by chunk, carrying the 0-2 bytes that do not fill a group. */
async function* base64Chunks(
	source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Buffer> {
	let carry = Buffer.alloc(0);
	for await (const chunk of source) {
		const data = carry.length ? Buffer.concat([carry, Buffer.from(chunk)]) : Buffer.from(chunk);
		const whole = data.length - (data.length % 3);
		if (whole) yield Buffer.from(data.subarray(0, whole).toString('base64'), 'latin1');
		carry = data.subarray(whole);
	}
	if (carry.length) yield Buffer.from(carry.toString('base64'), 'latin1');
}

/**
 * A request body that is streamed, never buffered whole. It presents itself as a Blob (type, size,
 * stream()), which n8n's HTTP client (axios) sends as a stream with an exact Content-Length. This
 * keeps memory flat for large documents without any runtime dependency.
 */
export class StreamedBody {
	readonly size: number;

	constructor(
		private readonly segments: BodySegment[],
		readonly type: string,
	) {
		this.size = segments.reduce((total, segment) => total + segmentSize(segment), 0);
	}

	get [Symbol.toStringTag](): string {
		return 'Blob';
	}

	async *stream(): AsyncGenerator<Uint8Array> {
		for (const segment of this.segments) {
			if (Buffer.isBuffer(segment)) yield segment;
			else if (segment.base64) yield* base64Chunks(await segment.file.open());
			else for await (const chunk of await segment.file.open()) yield chunk;
		}
	}
}

/** multipart/form-data with fields and one file, streamed. */
export function multipartBody(
	fields: Record<string, MultipartField>,
	fileFieldName: string,
	file: UploadFile,
): StreamedBody {
	const boundary = `----n8nLegalTech${randomBytes(12).toString('hex')}`;
	const parts: string[] = [];
	for (const [name, value] of Object.entries(fields)) {
		for (const single of Array.isArray(value) ? value : [value]) {
			if (single === undefined || single === '') continue;
			parts.push(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quoteHeaderValue(name)}"\r\n\r\n${String(single)}\r\n`,
			);
		}
	}
	parts.push(
		`--${boundary}\r\nContent-Disposition: form-data; name="${quoteHeaderValue(fileFieldName)}"; filename="${quoteHeaderValue(file.fileName)}"\r\n` +
			`Content-Type: ${file.mimeType}\r\n\r\n`,
	);
	return new StreamedBody(
		[Buffer.from(parts.join(''), 'utf8'), { file }, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')],
		`multipart/form-data; boundary=${boundary}`,
	);
}

/**
 * JSON whose record carries a file as a base64 string, e.g. `{"document": {"title": …, "base64_data": "…"}}`,
 * streamed: the file is encoded as it is sent, so it never sits in memory whole.
 */
export function jsonBodyWithBase64File(
	rootKey: string,
	fields: Record<string, unknown>,
	base64Field: string,
	file: UploadFile,
): StreamedBody {
	const record = JSON.stringify(fields);
	const head = `{${JSON.stringify(rootKey)}:${record === '{}' ? '{' : `${record.slice(0, -1)},`}${JSON.stringify(base64Field)}:"`;
	return new StreamedBody(
		[Buffer.from(head, 'utf8'), { file, base64: true }, Buffer.from('"}}', 'utf8')],
		'application/json',
	);
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
export function mimeTypeForFileName(
	fileName: string,
	fallback = 'application/octet-stream',
): string {
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

// Types that say only "some bytes": the file name tells more.
const UNINFORMATIVE_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

export interface DownloadNaming {
	/** The name the vendor's record gives the file, preferred to the response's. */
	fileName?: string;
	/** The name when neither the record nor Content-Disposition gives one. */
	fallbackName: string;
	/** The type the vendor always serves (a PDF, a ZIP); else the response's, else from the name. */
	mimeType?: string;
}

/**
 * A streamed download as binary data, straight into n8n's binary store: named by the record, the
 * response's Content-Disposition or the fallback; typed by the vendor, the response (unless it only
 * says "bytes" or is a JSON error type) or the file name.
 */
export async function downloadedBinary(
	ctx: IExecuteFunctions,
	response: { headers: Record<string, string>; body: unknown },
	naming: DownloadNaming,
): Promise<{ binary: IBinaryData; fileName: string; mimeType: string }> {
	const fileName =
		naming.fileName ||
		fileNameFromContentDisposition(response.headers['content-disposition']) ||
		naming.fallbackName;
	const announced = (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	const usable =
		announced && !UNINFORMATIVE_TYPES.has(announced) && !announced.startsWith('application/json')
			? announced
			: undefined;
	const mimeType = naming.mimeType ?? usable ?? mimeTypeForFileName(fileName);
	const binary = await ctx.helpers.prepareBinaryData(response.body as Buffer, fileName, mimeType);
	return { binary, fileName, mimeType };
}
