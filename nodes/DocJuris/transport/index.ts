import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
} from 'n8n-workflow';

import {
	binaryUploadFile,
	fileNameFromContentDisposition,
	mimeTypeForFileName,
	multipartBody,
	type MultipartField,
} from '../../shared/binary';
import { asNodeError } from '../../shared/errors';
import { credentialBaseUrl, credentialsOnce, vendorRequest, type RequestContext, type VendorProfile } from '../../shared/http';
import { collectOffsetPages } from '../../shared/paging';

export const DEFAULT_BASE_URL = 'https://api.docjuris.com/v1';

/** DocJuris serves at most 200 records a page (its documented default `take`). */
export const MAX_PAGE_SIZE = 200;

/**
 * The page the guide shows for subscription messages (`take=100`). Messages come as a bare array
 * with no total, so only a short page can end the list: asking for more than the API serves would
 * end it after the first page.
 */
export const MESSAGES_PAGE_SIZE = 100;

function firstText(...values: unknown[]): string | undefined {
	for (const value of values) {
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
}

/**
 * The vendor's explanation from an error body. DocJuris documents `meta.errors[]` ({type, message})
 * but its examples show `meta.errorType` / `meta.errorDetail`; read both, then plain text.
 */
export function docJurisErrorText(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		// An HTML error page says nothing useful to a user; the status summary does.
		return text && !text.startsWith('<') ? text.slice(0, 300) : undefined;
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	const meta = (record.meta ?? {}) as IDataObject;
	if (Array.isArray(meta.errors) && meta.errors.length) {
		const parts = (meta.errors as IDataObject[]).map((error) => {
			const message = firstText(error.message, error.data && typeof error.data === 'object' ? undefined : error.data);
			const type = firstText(error.type);
			return message && type ? `${message} (${type})` : (message ?? type ?? '');
		});
		const joined = parts.filter(Boolean).join('; ');
		if (joined) return joined;
	}
	const legacy = firstText(meta.errorDetail, meta.errorType);
	if (legacy) return legacy;
	// ASP.NET problem details, should a gateway answer before DocJuris does.
	return firstText(record.detail, record.title, record.message);
}

export const docJurisProfile: VendorProfile = {
	name: 'DocJuris',
	credentialType: 'docJurisApi',
	secretFields: ['apiKey', 'accountId'],
	errorText: docJurisErrorText,
	hints: {
		401: 'Check the Organization (Account) ID and API Key in the DocJuris credential; a regenerated key replaces the old one.',
		403: 'The API key lacks access to this record or feature. Ask a DocJuris IT Administrator.',
		404: 'Check the ID: DocJuris has no such record in this organization.',
		429: 'DocJuris is limiting requests. Try again later or lower the number of items per run.',
	},
};

/** The credential's base URL without a trailing slash. */
export async function docJurisBaseUrl(ctx: RequestContext): Promise<string> {
	const credentials = await credentialsOnce(ctx, 'docJurisApi');
	return credentialBaseUrl(ctx, credentials.baseUrl, DEFAULT_BASE_URL, 'DocJuris');
}

export interface DocJurisCall {
	qs?: IDataObject;
	body?: unknown | (() => unknown);
	headers?: IDataObject;
	itemIndex?: number;
	/** Method and path template for messages; defaults to the method and path. */
	label?: string;
	hints?: VendorProfile['hints'];
	idempotent?: boolean;
}

function isEnvelope(body: unknown): body is { meta: IDataObject; response?: unknown } {
	return !!body && typeof body === 'object' && !Array.isArray(body) && 'meta' in body && typeof (body as IDataObject).meta === 'object';
}

/** Calls DocJuris and returns the payload inside its `{meta, response}` envelope. */
export async function docJurisRequest<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	call: DocJurisCall = {},
): Promise<T> {
	const url = `${await docJurisBaseUrl(ctx)}${path}`;
	const response = await vendorRequest(ctx, docJurisProfile, {
		method,
		url,
		label: call.label ?? `${method} ${path}`,
		qs: call.qs,
		headers: call.headers,
		body: call.body,
		itemIndex: call.itemIndex,
		hints: call.hints,
		idempotent: call.idempotent,
	});
	const body = response.body;
	if (!isEnvelope(body)) return body as T;
	return body.response as T;
}

interface PagedList {
	totalCount?: number;
	[key: string]: unknown;
}

/** Reads a skip/take list that reports `totalCount` (contract types, playbooks). */
export async function docJurisPagedList(
	ctx: RequestContext,
	path: string,
	recordsKey: string,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectOffsetPages(
		async (skip, take) => {
			const page = await docJurisRequest<PagedList>(ctx, 'GET', path, { qs: { ...qs, skip, take }, itemIndex });
			const records = Array.isArray(page?.[recordsKey]) ? (page[recordsKey] as IDataObject[]) : [];
			return { records, total: typeof page?.totalCount === 'number' ? page.totalCount : undefined };
		},
		{ limit, maxPageSize: MAX_PAGE_SIZE },
	);
}

/** Reads a skip/take list that returns a bare array and no total (subscription messages). */
export async function docJurisArrayList(
	ctx: RequestContext,
	path: string,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectOffsetPages(
		async (skip, take) => {
			const page = await docJurisRequest<IDataObject[]>(ctx, 'GET', path, { qs: { skip, take }, itemIndex });
			return { records: Array.isArray(page) ? page : [] };
		},
		{ limit, maxPageSize: MESSAGES_PAGE_SIZE },
	);
}

export interface DocumentInfo extends IDataObject {
	name?: string;
	extension?: string;
	originalFileName?: string;
}

/**
 * Document states whose spelling differs between DocJuris's own connector (what the node sends) and
 * the API guide: the guide calls the screening report `contractScreeningReport`. A 400 for one
 * spelling is tried once with the other.
 */
const DOC_STATE_OTHER_SPELLING: Record<string, string> = { screeningReport: 'contractScreeningReport' };

async function withDocStateSpelling<T>(ctx: RequestContext, docState: string, call: (state: string) => Promise<T>): Promise<T> {
	try {
		return await call(docState);
	} catch (error) {
		const other = DOC_STATE_OTHER_SPELLING[docState];
		if (!other || (error as { httpCode?: string }).httpCode !== '400') throw asNodeError(ctx.getNode(), error);
		return await call(other);
	}
}

/** Describes a contract's or turn's document (file name and extension) for a document state. */
export async function docJurisDocumentInfo(
	ctx: RequestContext,
	documentPath: string,
	docState: string,
	itemIndex: number,
): Promise<DocumentInfo> {
	return await withDocStateSpelling(ctx, docState, async (state) =>
		await docJurisRequest<DocumentInfo>(ctx, 'GET', `${documentPath}/meta`, {
			qs: { docState: state },
			itemIndex,
			label: `GET ${documentPath.replace(/[0-9a-f-]{36}/gi, '{id}')}/meta`,
			hints: DOCUMENT_HINTS,
		}),
	);
}

const DOCUMENT_HINTS: VendorProfile['hints'] = {
	400: 'The "completed" document states exist only once the turn has been completed in DocJuris. Choose "Original" or complete the turn first.',
	404: 'Check the contract and turn IDs; the document may not exist for this state.',
};

/**
 * Downloads a document into the item's binary data. The file streams from DocJuris straight into
 * n8n's binary store; its name and type come from the document's `/meta` description when DocJuris
 * serves one. The guide documents only `…/document`, `/meta` comes from the Power Platform connector:
 * if it fails, the download still happens, named from `Content-Disposition` (a real failure, such as
 * a missing document or a refused key, is then reported by the document request itself).
 */
export async function docJurisDownloadDocument(
	ctx: IExecuteFunctions,
	documentPath: string,
	docState: string,
	binaryPropertyName: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const info = await docJurisDocumentInfo(ctx, documentPath, docState, itemIndex).catch((): DocumentInfo => ({}));
	const url = `${await docJurisBaseUrl(ctx)}${documentPath}`;
	const response = await withDocStateSpelling(ctx, docState, async (state) =>
		await vendorRequest<AsyncIterable<Buffer>>(ctx, docJurisProfile, {
			method: 'GET',
			url,
			label: `GET ${documentPath.replace(/[0-9a-f-]{36}/gi, '{id}')}`,
			qs: { docState: state },
			stream: true,
			itemIndex,
			hints: DOCUMENT_HINTS,
		}),
	);
	const extension = typeof info.extension === 'string' ? info.extension.replace(/^\./, '') : '';
	let fileName =
		(typeof info.name === 'string' && info.name) ||
		fileNameFromContentDisposition(response.headers['content-disposition']) ||
		`document${extension ? `.${extension}` : ''}`;
	if (extension && !fileName.toLowerCase().endsWith(`.${extension.toLowerCase()}`)) fileName += `.${extension}`;
	const announced = (response.headers['content-type'] ?? '').split(';')[0].trim();
	const mimeType =
		announced && announced !== 'application/octet-stream' && !announced.startsWith('application/json')
			? announced
			: mimeTypeForFileName(fileName);
	const binary = await ctx.helpers.prepareBinaryData(response.body as unknown as Buffer, fileName, mimeType);
	return {
		json: { ...info, docState, fileName, mimeType },
		binary: { [binaryPropertyName]: binary },
	};
}

/**
 * Uploads the item's file with form fields as multipart/form-data, streamed from n8n's binary
 * store. The body is rebuilt if DocJuris asks us to slow down (429), never re-sent otherwise.
 */
export async function docJurisUpload(
	ctx: IExecuteFunctions,
	path: string,
	fields: Record<string, MultipartField>,
	itemIndex: number,
	options: { label?: string; headers?: IDataObject; hints?: VendorProfile['hints'] } = {},
): Promise<IDataObject> {
	const binaryPropertyName = ctx.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await binaryUploadFile(ctx, itemIndex, binaryPropertyName);
	return await docJurisRequest<IDataObject>(ctx, 'POST', path, {
		body: () => multipartBody(fields, 'file', file),
		headers: options.headers,
		label: options.label,
		hints: options.hints,
		itemIndex,
	});
}
