import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	binaryUploadFile,
	downloadedBinary,
	fileNameFromContentDisposition,
	multipartBody,
	type MultipartField,
} from '../../shared/binary';
import { asNodeError } from '../../shared/errors';
import { credentialBaseUrl } from '../../shared/credentials';
import { type RequestContext, type VendorProfile } from '../../shared/http';
import { collectOffsetPages } from '../../shared/paging';
import { errorTextOf, firstText, vendorApi } from '../../shared/transport';
import { fileFacts } from '../../shared/toolOutput';

export const DEFAULT_BASE_URL = 'https://api.docjuris.com/v1';

/** DocJuris serves at most 200 records a page (its documented default `take`). */
export const MAX_PAGE_SIZE = 200;

/**
 * The page the guide shows for subscription messages (`take=100`). Messages come as a bare array
 * with no total, so only a short page can end the list: asking for more than the API serves would
 * end it after the first page.
 */
export const MESSAGES_PAGE_SIZE = 100;

/**
 * The vendor's explanation from an error body. DocJuris documents `meta.errors[]` ({type, message})
 * but its examples show `meta.errorType` / `meta.errorDetail`; read both, then plain text.
 */
export function docJurisErrorText(body: unknown): string | undefined {
	return errorTextOf(body, (record) => {
		const meta = (record.meta ?? {}) as IDataObject;
		if (Array.isArray(meta.errors) && meta.errors.length) {
			const parts = (meta.errors as IDataObject[]).map((error) => {
				const message = firstText(
					error.message,
					error.data && typeof error.data === 'object' ? undefined : error.data,
				);
				const type = firstText(error.type);
				return message && type ? `${message} (${type})` : (message ?? type ?? '');
			});
			const joined = parts.filter(Boolean).join('; ');
			if (joined) return joined;
		}
		// Then the legacy fields, then ASP.NET problem details, should a gateway answer before DocJuris does.
		return firstText(meta.errorDetail, meta.errorType, record.detail, record.title, record.message);
	});
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

function isEnvelope(body: unknown): body is { meta: IDataObject; response?: unknown } {
	return (
		!!body &&
		typeof body === 'object' &&
		!Array.isArray(body) &&
		'meta' in body &&
		typeof (body as IDataObject).meta === 'object'
	);
}

const api = vendorApi({
	profile: docJurisProfile,
	baseUrl: (ctx, credentials) =>
		credentialBaseUrl(ctx, credentials.baseUrl, DEFAULT_BASE_URL, 'DocJuris'),
	// The payload is inside DocJuris's `{meta, response}` envelope.
	unwrap: (body) => (isEnvelope(body) ? body.response : body),
});

export const { apiRequest, apiResponse, baseUrl } = api;

interface PagedList {
	totalCount?: number;
	[key: string]: unknown;
}

export interface ListOptions {
	/**
	 * The key of the records in a page that reports `totalCount` (contract types, playbooks); without
	 * one, the list is a bare array with no total (subscription messages).
	 */
	recordsKey?: string;
	qs?: IDataObject;
	limit?: number;
	itemIndex?: number;
}

/** A whole skip/take list, or up to `limit` records, in the largest pages DocJuris serves. */
export async function apiList(
	ctx: RequestContext,
	path: string,
	{ recordsKey, qs = {}, limit, itemIndex }: ListOptions = {},
): Promise<IDataObject[]> {
	return await collectOffsetPages(
		async (skip, take) => {
			const page = await apiRequest<PagedList | IDataObject[]>(ctx, 'GET', path, {
				qs: { ...qs, skip, take },
				itemIndex,
			});
			if (recordsKey === undefined) return { records: Array.isArray(page) ? page : [] };
			const records = Array.isArray((page as PagedList)?.[recordsKey])
				? ((page as PagedList)[recordsKey] as IDataObject[])
				: [];
			const total = (page as PagedList)?.totalCount;
			return { records, total: typeof total === 'number' ? total : undefined };
		},
		{ limit, maxPageSize: recordsKey === undefined ? MESSAGES_PAGE_SIZE : MAX_PAGE_SIZE },
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
const DOC_STATE_OTHER_SPELLING: Record<string, string> = {
	screeningReport: 'contractScreeningReport',
};

async function withDocStateSpelling<T>(
	ctx: RequestContext,
	docState: string,
	call: (state: string) => Promise<T>,
): Promise<T> {
	try {
		return await call(docState);
	} catch (error) {
		const other = DOC_STATE_OTHER_SPELLING[docState];
		if (!other || (error as { httpCode?: string }).httpCode !== '400')
			throw asNodeError(ctx.getNode(), error);
		return await call(other);
	}
}

/** Describes a contract's or turn's document (file name and extension) for a document state. */
export async function documentInfo(
	ctx: RequestContext,
	documentPath: string,
	docState: string,
	itemIndex: number,
): Promise<DocumentInfo> {
	return await withDocStateSpelling(
		ctx,
		docState,
		async (state) =>
			await apiRequest<DocumentInfo>(ctx, 'GET', `${documentPath}/meta`, {
				qs: { docState: state },
				itemIndex,
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
export async function downloadDocument(
	ctx: IExecuteFunctions,
	documentPath: string,
	docState: string,
	binaryPropertyName: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const info = await documentInfo(ctx, documentPath, docState, itemIndex).catch(
		(): DocumentInfo => ({}),
	);
	const response = await withDocStateSpelling(
		ctx,
		docState,
		async (state) =>
			await apiResponse<AsyncIterable<Buffer>>(ctx, 'GET', documentPath, {
				qs: { docState: state },
				stream: true,
				itemIndex,
				hints: DOCUMENT_HINTS,
			}),
	);
	const extension = typeof info.extension === 'string' ? info.extension.replace(/^\./, '') : '';
	const named =
		(typeof info.name === 'string' && info.name) ||
		fileNameFromContentDisposition(response.headers['content-disposition']) ||
		'document';
	const fileName =
		extension && !named.toLowerCase().endsWith(`.${extension.toLowerCase()}`)
			? `${named}.${extension}`
			: named;
	const { binary, mimeType } = await downloadedBinary(ctx, response, {
		fileName,
		fallbackName: fileName,
	});
	return {
		json: { ...info, docState, ...fileFacts(binary), fileName, mimeType },
		binary: { [binaryPropertyName]: binary },
	};
}

/**
 * Uploads the item's file with form fields as multipart/form-data, streamed from n8n's binary
 * store. The body is rebuilt if DocJuris asks us to slow down (429), never re-sent otherwise.
 */
export async function uploadFile(
	ctx: IExecuteFunctions,
	path: string,
	fields: Record<string, MultipartField>,
	itemIndex: number,
	options: { label?: string; headers?: IDataObject; hints?: VendorProfile['hints'] } = {},
): Promise<IDataObject> {
	const binaryPropertyName = ctx.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await binaryUploadFile(ctx, itemIndex, binaryPropertyName);
	return await apiRequest<IDataObject>(ctx, 'POST', path, {
		body: () => multipartBody(fields, 'file', file),
		headers: options.headers,
		label: options.label,
		hints: options.hints,
		itemIndex,
	});
}
