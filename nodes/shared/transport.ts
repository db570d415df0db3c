import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

import { credentialsOnce } from './credentials';
import {
	vendorRequest,
	type RequestContext,
	type VendorProfile,
	type VendorRequest,
	type VendorResponse,
} from './http';
import { maxParallelParameter, timeoutParameter } from './parameters';

/** One call's options, the same for every vendor (a vendor may add its own, e.g. Docket Alarm's form fields). */
export interface ApiCall {
	qs?: IDataObject;
	/** A body, or a factory for bodies that can be sent once only (streams). */
	body?: unknown | (() => unknown);
	headers?: IDataObject;
	itemIndex?: number;
	/** Method and path template for messages; derived from the path (IDs as {id}) when not given. */
	label?: string;
	/** Extra text for the error at a given status (context only the caller knows). */
	hints?: VendorProfile['hints'];
	/** Whether sending it twice is harmless; by default GET, PUT and DELETE are, POST is not. */
	idempotent?: boolean;
	/** Milliseconds of silence before the call is given up. */
	timeout?: number;
	/** Stream the answer (downloads). */
	stream?: boolean;
	/** Send without the credential (a pre-signed link, which refuses extra authorization). */
	unauthenticated?: boolean;
}

/** What makes one vendor's API: the rest of the transport is the same for all. */
export interface VendorApiDefinition<Call extends ApiCall> {
	/** The vendor's profile, or the one of the credential the node uses. */
	profile: VendorProfile | ((ctx: RequestContext) => VendorProfile);
	/** The credential's base URL (checked with credentialBaseUrl). */
	baseUrl(ctx: RequestContext, credentials: ICredentialDataDecryptedObject): string;
	/** Where the API's paths start on that base URL (e.g. `/api/v1`), if not at its root. */
	apiPath?: string;
	/** What every request carries, or how the vendor takes its fields (a header, a form). */
	prepare?(
		ctx: RequestContext,
		request: VendorRequest,
		call: Call,
		credentials: ICredentialDataDecryptedObject,
	): VendorRequest | Promise<VendorRequest>;
	/** The payload inside the vendor's envelope, for `apiRequest`. */
	unwrap?(body: unknown): unknown;
}

const ID_SEGMENT = /^(\d+|[0-9a-f-]{8,})$/i;

/** A request as messages name it: `GET /contracts/{id}/turns/{id}` (record IDs are not shown). */
export function labelOf(method: string, path: string): string {
	const [pathOnly] = path.split('?');
	return `${method} ${pathOnly
		.split('/')
		.map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
		.join('/')}`;
}

/** An absolute URL given instead of a path: a link the vendor handed out (a document, a download). */
const ABSOLUTE_URL = /^https?:\/\//i;

export interface VendorApi<Call extends ApiCall> {
	/** The credential's base URL, read once per run (API paths start at its `apiPath`). */
	baseUrl(ctx: RequestContext): Promise<string>;
	/** The whole answer (status, headers, body), for paging headers and downloads. */
	apiResponse<T = IDataObject>(
		ctx: RequestContext,
		method: IHttpRequestMethods,
		path: string,
		call?: Call,
	): Promise<VendorResponse<T>>;
	/** The answer's payload (out of the vendor's envelope, if it has one). */
	apiRequest<T = IDataObject>(
		ctx: RequestContext,
		method: IHttpRequestMethods,
		path: string,
		call?: Call,
	): Promise<T>;
}

/**
 * One vendor's transport: every call goes through the shared `vendorRequest` (credentials, pacing,
 * retries, token renewal, redacted errors) with the vendor's base URL, labels and request shape.
 */
export function vendorApi<Call extends ApiCall = ApiCall>(
	definition: VendorApiDefinition<Call>,
): VendorApi<Call> {
	const profileOf = (ctx: RequestContext) =>
		typeof definition.profile === 'function' ? definition.profile(ctx) : definition.profile;
	const credentialsOf = async (ctx: RequestContext) =>
		await credentialsOnce(ctx, profileOf(ctx).credentialType);

	async function apiResponse<T = IDataObject>(
		ctx: RequestContext,
		method: IHttpRequestMethods,
		path: string,
		call = {} as Call,
	): Promise<VendorResponse<T>> {
		const credentials = await credentialsOf(ctx);
		const base = definition.baseUrl(ctx, credentials);
		let request: VendorRequest = {
			method,
			url: ABSOLUTE_URL.test(path) ? path : `${base}${definition.apiPath ?? ''}${path}`,
			label: call.label ?? labelOf(method, path),
			qs: call.qs,
			headers: call.headers,
			body: call.body,
			itemIndex: call.itemIndex,
			hints: call.hints,
			idempotent: call.idempotent,
			timeout: call.timeout ?? timeoutParameter(ctx, call.itemIndex),
			maxParallel: maxParallelParameter(ctx, call.itemIndex),
			stream: call.stream,
			unauthenticated: call.unauthenticated,
		};
		if (definition.prepare) request = await definition.prepare(ctx, request, call, credentials);
		return await vendorRequest<T>(ctx, profileOf(ctx), request);
	}

	return {
		baseUrl: async (ctx) => definition.baseUrl(ctx, await credentialsOf(ctx)),
		apiResponse,
		async apiRequest<T = IDataObject>(
			ctx: RequestContext,
			method: IHttpRequestMethods,
			path: string,
			call?: Call,
		): Promise<T> {
			const { body } = await apiResponse<unknown>(ctx, method, path, call);
			return (definition.unwrap ? definition.unwrap(body) : body) as T;
		},
	};
}

/**
 * The vendor's explanation from an error body: a text answer as it is (not an HTML page, which says
 * nothing a user can act on), an object through the vendor's own reader.
 */
export function errorTextOf(
	body: unknown,
	fromRecord: (record: IDataObject) => string | undefined,
): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		return text && !text.startsWith('<') ? text.slice(0, 300) : undefined;
	}
	if (!body || typeof body !== 'object') return undefined;
	return fromRecord(body as IDataObject);
}

/** The first of the values that is a non-empty text, trimmed. */
export function firstText(...values: unknown[]): string | undefined {
	for (const value of values) {
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
}
