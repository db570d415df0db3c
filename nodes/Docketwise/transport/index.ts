import { NodeOperationError, type IDataObject, type IExecuteFunctions, type IHttpRequestMethods, type INodeExecutionData } from 'n8n-workflow';

import { fileNameFromContentDisposition, mimeTypeForFileName } from '../../shared/binary';
import { credentialBaseUrl, credentialsOnce, vendorRequest, type RequestContext, type VendorProfile } from '../../shared/http';
import { collectNumberedPages } from '../../shared/paging';

export const DEFAULT_URL = 'https://app.docketwise.com';

/** Index actions serve at most 200 records a page (and that is their default size). */
export const PAGE_SIZE = 200;

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Docketwise documents no error format. Its stack (Rails with Doorkeeper) answers with
 * `error_description`/`error`, `errors` (a list, or field → messages), or `message`.
 */
export function docketwiseErrorText(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const plain = body.trim();
		return plain && !plain.startsWith('<') ? plain.slice(0, 300) : undefined;
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	const errors = record.errors;
	if (Array.isArray(errors) && errors.length) return errors.map(String).join('; ');
	if (errors && typeof errors === 'object') {
		return Object.entries(errors as IDataObject)
			.map(([field, messages]) => `${field} ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`)
			.join('; ');
	}
	return text(record.error_description) ?? text(record.error) ?? text(record.message);
}

export const docketwiseProfile: VendorProfile = {
	name: 'Docketwise',
	credentialType: 'docketwiseOAuth2Api',
	secretFields: ['clientSecret', 'oauthTokenData'],
	errorText: docketwiseErrorText,
	oauth2: true,
	// 120 requests per minute per token (documented); paced so bulk runs do not meet 429s.
	rateLimit: { requests: 120, windowMs: 60_000 },
	// Docketwise also answers 419 when a connection sends too fast; its other clients wait and retry.
	rateLimitStatuses: [419],
	hints: {
		401: 'The Docketwise connection is no longer valid. Open the credential and reconnect it.',
		403: 'The connection lacks permission for this; reconnect it and grant the "public write" scope.',
		404: 'Check the ID: Docketwise has no such record in this firm.',
		422: 'Docketwise refused the values; the message above names the field.',
		419: 'Docketwise allows 120 requests per minute per connection. Spread the work over more time.',
		429: 'Docketwise allows 120 requests per minute per connection. Spread the work over more time.',
	},
};

/** The credential's host (app.docketwise.com unless a custom URL is set). */
export async function docketwiseHost(ctx: RequestContext): Promise<string> {
	const credentials = await credentialsOnce(ctx, 'docketwiseOAuth2Api');
	return credentialBaseUrl(ctx, credentials.useCustomUrl ? credentials.customUrl : '', DEFAULT_URL, 'Docketwise', 'Custom URL');
}

export interface DocketwiseCall {
	qs?: IDataObject;
	body?: unknown | (() => unknown);
	itemIndex?: number;
	/** Method and path template for messages. */
	label?: string;
}

/** Calls the Docketwise API (`/api/v1/...`) and returns the body and headers. */
export async function docketwiseCall<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	call: DocketwiseCall = {},
): Promise<{ body: T; headers: Record<string, string> }> {
	const response = await vendorRequest<T>(ctx, docketwiseProfile, {
		method,
		url: `${await docketwiseHost(ctx)}/api/v1${path}`,
		label: call.label ?? `${method} ${path.replace(/\/\d+/g, '/{id}')}`,
		qs: call.qs,
		body: call.body,
		itemIndex: call.itemIndex,
	});
	return { body: response.body, headers: response.headers };
}

export async function docketwiseRequest<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	call: DocketwiseCall = {},
): Promise<T> {
	return (await docketwiseCall<T>(ctx, method, path, call)).body;
}

interface Pagination {
	next_page?: number | null;
	total_pages?: number;
	total?: number;
}

/** The `X-Pagination` header (JSON: total, next_page, previous_page, total_pages), if readable. */
export function paginationOf(headers: Record<string, string>): Pagination | undefined {
	const header = headers['x-pagination'];
	if (!header) return undefined;
	try {
		return JSON.parse(header) as Pagination;
	} catch {
		return undefined;
	}
}

/** One page of a list, with what `X-Pagination` says. */
export async function docketwisePage(
	ctx: RequestContext,
	path: string,
	page: number,
	qs: IDataObject = {},
	itemIndex?: number,
): Promise<{ records: IDataObject[]; pagination?: Pagination }> {
	const { body, headers } = await docketwiseCall<IDataObject[]>(ctx, 'GET', path, { qs: { ...qs, page }, itemIndex });
	return { records: Array.isArray(body) ? body : [], pagination: paginationOf(headers) };
}

/** A whole list (or up to `limit` records), 200 a page, following `X-Pagination`. */
export async function docketwiseList(
	ctx: RequestContext,
	path: string,
	qs: IDataObject = {},
	limit?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectNumberedPages(
		async (page) => {
			const { records, pagination } = await docketwisePage(ctx, path, page, qs, itemIndex);
			return { records, nextPage: pagination ? (pagination.next_page ?? null) : undefined, totalPages: pagination?.total_pages };
		},
		{ limit, pageSize: PAGE_SIZE },
	);
}

/**
 * Downloads a document: Docketwise answers with a pre-signed link valid for one hour, fetched at
 * once without the credential (the storage refuses extra authorization), streamed into binary data.
 */
export async function downloadDocument(
	ctx: IExecuteFunctions,
	documentId: number,
	binaryPropertyName: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const document = await docketwiseRequest<IDataObject>(ctx, 'GET', `/documents/${documentId}`, { itemIndex });
	const { url } = await docketwiseRequest<{ url?: string }>(ctx, 'GET', `/documents/${documentId}/download`, { itemIndex });
	if (typeof url !== 'string' || !url) {
		throw new NodeOperationError(ctx.getNode(), `Docketwise returned no download link for document ${documentId} [item ${itemIndex}]`, { itemIndex });
	}
	const response = await vendorRequest<AsyncIterable<Buffer>>(ctx, docketwiseProfile, {
		method: 'GET',
		url,
		label: 'GET <document download link>',
		stream: true,
		unauthenticated: true,
		itemIndex,
	});
	const title = typeof document.title === 'string' && document.title ? document.title : `document-${documentId}`;
	const fileName = fileNameFromContentDisposition(response.headers['content-disposition']) || title;
	const announced = (response.headers['content-type'] ?? '').split(';')[0].trim();
	const mimeType = announced && announced !== 'application/octet-stream' && announced !== 'binary/octet-stream' ? announced : mimeTypeForFileName(fileName);
	const binary = await ctx.helpers.prepareBinaryData(response.body as unknown as Buffer, fileName, mimeType);
	return { json: { ...document, fileName, mimeType }, binary: { [binaryPropertyName]: binary } };
}
