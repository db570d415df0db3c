import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { downloadedBinary } from '../../shared/binary';
import { credentialBaseUrl } from '../../shared/credentials';
import { type RequestContext, type VendorProfile } from '../../shared/http';
import { collectNumberedPages } from '../../shared/paging';
import { errorTextOf, firstText, vendorApi } from '../../shared/transport';
import { fileFacts } from '../../shared/toolOutput';

export const DEFAULT_URL = 'https://app.docketwise.com';

/** Index actions serve at most 200 records a page (and that is their default size). */
export const PAGE_SIZE = 200;

/**
 * Docketwise documents no error format. Its stack (Rails with Doorkeeper) answers with
 * `error_description`/`error`, `errors` (a list, or field → messages), or `message`.
 */
export function docketwiseErrorText(body: unknown): string | undefined {
	return errorTextOf(body, (record) => {
		const errors = record.errors;
		if (Array.isArray(errors) && errors.length) return errors.map(String).join('; ');
		if (errors && typeof errors === 'object') {
			return Object.entries(errors as IDataObject)
				.map(
					([field, messages]) =>
						`${field} ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`,
				)
				.join('; ');
		}
		return firstText(record.error_description, record.error, record.message);
	});
}

export const docketwiseProfile: VendorProfile = {
	name: 'Docketwise',
	credentialType: 'docketwiseOAuth2Api',
	secretFields: ['clientSecret', 'oauthTokenData'],
	errorText: docketwiseErrorText,
	oauth2: true,
	// 120 requests per minute per token (documented); paced so bulk runs do not meet 429s. The
	// credential may name another limit (one Docketwise granted, or a test server's).
	rateLimit: (credentials) => ({
		requests: Number(credentials.requestsPerMinute) || 120,
		windowMs: 60_000,
	}),
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

const api = vendorApi({
	profile: docketwiseProfile,
	// The firm's host: app.docketwise.com unless a custom URL is set.
	baseUrl: (ctx, credentials) =>
		credentialBaseUrl(
			ctx,
			credentials.useCustomUrl ? credentials.customUrl : '',
			DEFAULT_URL,
			'Docketwise',
			'Custom URL',
		),
	apiPath: '/api/v1',
});

export const { apiRequest, apiResponse, baseUrl } = api;

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

export interface ListOptions {
	qs?: IDataObject;
	limit?: number;
	itemIndex?: number;
}

/** One page of a list, with what `X-Pagination` says. */
export async function apiPage(
	ctx: RequestContext,
	path: string,
	page: number,
	{ qs = {}, itemIndex }: ListOptions = {},
): Promise<{ records: IDataObject[]; pagination?: Pagination }> {
	const { body, headers } = await apiResponse<IDataObject[]>(ctx, 'GET', path, {
		qs: { ...qs, page },
		itemIndex,
	});
	return { records: Array.isArray(body) ? body : [], pagination: paginationOf(headers) };
}

/** A whole list (or up to `limit` records), 200 a page, following `X-Pagination`. */
export async function apiList(
	ctx: RequestContext,
	path: string,
	{ qs = {}, limit, itemIndex }: ListOptions = {},
): Promise<IDataObject[]> {
	return await collectNumberedPages(
		async (page) => {
			const { records, pagination } = await apiPage(ctx, path, page, { qs, itemIndex });
			return {
				records,
				nextPage: pagination ? (pagination.next_page ?? null) : undefined,
				totalPages: pagination?.total_pages,
			};
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
	const document = await apiRequest<IDataObject>(ctx, 'GET', `/documents/${documentId}`, {
		itemIndex,
	});
	const { url } = await apiRequest<{ url?: string }>(
		ctx,
		'GET',
		`/documents/${documentId}/download`,
		{ itemIndex },
	);
	if (typeof url !== 'string' || !url) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Docketwise returned no download link for document ${documentId} [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	const response = await apiResponse<AsyncIterable<Buffer>>(ctx, 'GET', url, {
		label: 'GET <document download link>',
		stream: true,
		unauthenticated: true,
		itemIndex,
	});
	const title =
		typeof document.title === 'string' && document.title
			? document.title
			: `document-${documentId}`;
	const { binary, fileName, mimeType } = await downloadedBinary(ctx, response, {
		fallbackName: title,
	});
	return {
		json: { ...document, ...fileFacts(binary), fileName, mimeType },
		binary: { [binaryPropertyName]: binary },
	};
}
