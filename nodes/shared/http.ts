import {
	NodeOperationError,
	sleep,
	type IAdditionalCredentialOptions,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { StreamedBody } from './binary';
import {
	asNodeError,
	readHttpFailure,
	responseFailure,
	settleStreamedBody,
	vendorApiError,
	type HttpFailure,
} from './errors';

/** Every n8n context our nodes make vendor calls from. */
export type RequestContext =
	| IExecuteFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions
	| IPollFunctions;

/** What the shared transport needs to know about one vendor. */
export interface VendorProfile {
	/** Name shown in error messages ("DocJuris"). */
	name: string;
	/** n8n credential type used for every call. */
	credentialType: string;
	/** Credential fields whose values must never appear in an error, a log line or an item. */
	secretFields: string[];
	/** Pulls the vendor's own explanation out of an error body. */
	errorText(body: unknown): string | undefined;
	/** How to fix a failure, by HTTP status. */
	hints?: Partial<Record<number, string>>;
	/** For vendors that answer 2xx with a failure flag: the error text, or undefined for a success. */
	bodyError?(body: unknown): string | undefined;
	/** For credentials holding a session token that n8n obtains in `preAuthentication`. */
	session?: SessionPolicy;
	/**
	 * For OAuth2 credentials: n8n refreshes the access token only when a request throws 401, so a 401
	 * answer is sent once more with status errors thrown, and n8n refreshes, stores and retries.
	 */
	oauth2?: boolean;
	/** The vendor's request budget per credential; calls are paced to stay within it. */
	rateLimit?: { requests: number; windowMs: number };
	/** Statuses besides 429 by which the vendor says "too many requests" (retried like a 429). */
	rateLimitStatuses?: number[];
}

/**
 * n8n logs in again only when the token field is empty or a request throws 401. Vendors that
 * report an expired session differently (e.g. 200 with an error flag) or whose tokens expire on a
 * clock are handled here: we hand n8n the credential with its token emptied, so n8n runs the
 * credential's own login once, stores the new token and uses it (later calls read it back).
 */
export interface SessionPolicy {
	/** The credential's hidden, expirable token field. */
	tokenField: string;
	/** Whether a failure means the session is no longer valid. */
	expired(failure: HttpFailure): boolean;
	/** Whether a stored token is too old to use, before sending anything. */
	stale?(credentials: ICredentialDataDecryptedObject): boolean;
}

export interface RetryPolicy {
	/** Retries after a 429 or a vendor's own rate-limit status (nothing was processed, so any method may be re-sent). */
	rateLimitRetries: number;
	/** Retries after a 5xx or a network failure; only for requests safe to repeat. */
	transientRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Longest single wait we accept from a Retry-After header; longer waits fail with a clear error. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	rateLimitRetries: 8,
	transientRetries: 3,
	baseDelayMs: 500,
	maxDelayMs: 8000,
	maxRetryAfterMs: 120000,
};

export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Absolute URL. */
	url: string;
	/** Method and path template for messages, e.g. "GET /contracts/{id}". */
	label: string;
	qs?: IDataObject;
	headers?: IDataObject;
	/** A body, or a factory for bodies that can be sent once only (streams). */
	body?: unknown | (() => unknown);
	json?: boolean;
	/** Stream the response (downloads). */
	stream?: boolean;
	/** Milliseconds of silence from the vendor before the call is given up (REQUEST_TIMEOUT_MS by default). */
	timeout?: number;
	/**
	 * Whether sending the request twice is harmless. Defaults to true for GET, HEAD, PUT and DELETE
	 * and false for POST and PATCH: a create that may have reached the vendor is never re-sent blindly.
	 */
	idempotent?: boolean;
	itemIndex?: number;
	/** Extra text to add to the error for a given status (context only the caller knows). */
	hints?: Partial<Record<number, string>>;
	/** Send without the credential (e.g. a pre-signed download link, which refuses extra auth). */
	unauthenticated?: boolean;
}

export interface VendorResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	body: T;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * How long a vendor may stay silent (no byte sent or received) before a call is given up: a stalled
 * connection otherwise holds the item, and the whole execution, for good. Uploads get longer, as a
 * vendor may take a while to store a large file before it answers.
 */
export const REQUEST_TIMEOUT_MS = 60_000;
export const UPLOAD_TIMEOUT_MS = 120_000;
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
// Connection refused means nothing reached the vendor: safe to re-send whatever the method.
const NEVER_DELIVERED = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND']);

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined) return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface AttemptCounters {
	rateLimited: number;
	transient: number;
}

function isIdempotent(request: Pick<VendorRequest, 'method' | 'idempotent'>): boolean {
	return request.idempotent ?? IDEMPOTENT_METHODS.has(request.method.toUpperCase());
}

/**
 * Whether a failed call may still have done its work at the vendor: it failed on the vendor's side
 * or on the way back (a server error, a cut or stalled connection, an unreadable answer), not
 * before the vendor read it. Such a create is not re-sent, and the user is told to check.
 */
export function mayHaveReachedVendor(failure: HttpFailure): boolean {
	if (failure.unreadable) return true;
	if (failure.status !== undefined) return failure.status >= 500;
	return failure.networkCode !== undefined && !NEVER_DELIVERED.has(failure.networkCode);
}

/**
 * A successful status whose body is not the JSON asked for: text (an HTML page from a proxy, JSON
 * cut off mid-way, which n8n hands over unparsed) or nothing at all where a record was due.
 */
export function isUnreadableJson(method: string, status: number, body: unknown): boolean {
	if (typeof body === 'string' && body.trim() !== '') return true;
	const empty = body === undefined || body === null || body === '';
	return empty && status !== 204 && method.toUpperCase() !== 'DELETE';
}

/** How long to wait before the next attempt, or undefined to give up. */
export function nextRetryDelay(
	failure: HttpFailure,
	request: Pick<VendorRequest, 'method' | 'idempotent'>,
	counters: AttemptCounters,
	policy: RetryPolicy,
	rateLimitStatuses: number[] = [],
): number | undefined {
	const idempotent = isIdempotent(request);
	const announced = retryAfterMs(failure.headers);
	if (failure.status === 429 || (failure.status !== undefined && rateLimitStatuses.includes(failure.status))) {
		if (counters.rateLimited >= policy.rateLimitRetries) return undefined;
		counters.rateLimited++;
		const wait = announced ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** counters.rateLimited);
		return wait <= policy.maxRetryAfterMs ? wait : undefined;
	}
	const transientStatus = failure.status !== undefined && TRANSIENT_STATUSES.has(failure.status);
	const networkFailure = failure.status === undefined && failure.networkCode !== undefined;
	// An unreadable answer (a proxy's page, a cut-off body) says nothing about the vendor's state.
	if (!transientStatus && !networkFailure && !failure.unreadable) return undefined;
	const safe = idempotent || (networkFailure && NEVER_DELIVERED.has(failure.networkCode as string));
	if (!safe || counters.transient >= policy.transientRetries) return undefined;
	counters.transient++;
	const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (counters.transient - 1));
	return announced !== undefined ? Math.min(announced, policy.maxRetryAfterMs) : backoff;
}

/**
 * A credential's base URL, checked before anything is sent: empty means the vendor's usual address
 * (`usual`; with none, as for a customer's own instance, empty is an error), anything else must be
 * an http(s) URL (else the call would fail with a bare ERR_INVALID_URL).
 */
export function credentialBaseUrl(
	ctx: RequestContext,
	value: unknown,
	usual: string | undefined,
	vendor: string,
	field = 'Base URL',
	example = usual,
): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text && usual !== undefined) return usual.replace(/\/+$/, '');
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `The ${vendor} credential has no ${field}`, {
			description: `Open the credential and enter the address of your ${vendor}, for example ${example}.`,
		});
	}
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol)) {
		throw new NodeOperationError(ctx.getNode(), `The ${vendor} credential's ${field} "${text}" is not a web address`, {
			description: `Open the credential and enter the full address, starting with https:// (for example ${example})${usual ? ', or leave it empty for the usual one' : ''}.`,
		});
	}
	return text.replace(/\/+$/, '');
}

/** Values of the credential's secret fields, for redaction. Never throws. */
export async function credentialSecrets(ctx: RequestContext, profile: VendorProfile): Promise<string[]> {
	try {
		const credentials = await ctx.getCredentials(profile.credentialType);
		// Token data (e.g. OAuth2's oauthTokenData) is an object: every string in it is secret.
		const strings = (value: unknown): string[] =>
			typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
		return profile.secretFields.flatMap((field) => strings(credentials[field])).filter((value) => value.length > 0);
	} catch {
		// No credential to read means none to leak; the request itself reports the missing credential.
		return [];
	}
}

/**
 * The one way our nodes talk to a vendor: authenticated through n8n's credential system, retrying
 * 429s (honouring Retry-After) and transient failures of safe requests with a bounded backoff,
 * and turning any final failure into a clear, redacted NodeApiError.
 */
export async function vendorRequest<T = unknown>(
	ctx: RequestContext,
	profile: VendorProfile,
	request: VendorRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<VendorResponse<T>> {
	let finishRenewal: (() => void) | undefined;
	const counters: AttemptCounters = { rateLimited: 0, transient: 0 };
	const key = credentialKey(ctx, profile);
	let freshLogin = false;
	if (profile.session?.stale) {
		const readAt = Date.now();
		const { stale } = profile.session;
		// A first look at the copy read once per run; only a token that looks old is read again.
		if (stale(await credentialsOnce(ctx, profile.credentialType)) && stale(await credentialsOnce(ctx, profile.credentialType, { fresh: true }))) {
			finishRenewal = await leadRenewal(key, readAt);
			freshLogin = finishRenewal !== undefined;
		}
	}
	let renewalsLed = 0;
	let renewalsAwaited = 0;
	let letN8nRefresh = false;
	const expectsJson = request.stream ? false : (request.json ?? true);
	for (;;) {
		if (profile.rateLimit && !request.unauthenticated) await pace(key, profile);
		// Full responses for every status: n8n's error wrapping drops response headers (Retry-After),
		// so statuses are judged here rather than thrown by n8n.
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			qs: request.qs,
			headers: request.headers,
			body: typeof request.body === 'function' ? (request.body as () => unknown)() : request.body,
			json: expectsJson,
			returnFullResponse: true,
			ignoreHttpStatusErrors: !letN8nRefresh,
			// Lists go out as repeated keys (a=1&a=2), the form most APIs read.
			arrayFormat: 'repeat',
		} as IHttpRequestOptions;
		if (request.stream) options.encoding = 'stream';
		// Following redirects makes n8n's HTTP client keep the whole request body in memory (to send
		// it again): a streamed upload of a large file is sent without that.
		if (options.body instanceof StreamedBody) (options as IHttpRequestOptions & { disableFollowRedirect?: boolean }).disableFollowRedirect = true;
		options.timeout = request.timeout ?? (options.body instanceof StreamedBody ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS);
		if (options.body === undefined) delete options.body;
		const sentAt = Date.now();
		let failure: HttpFailure;
		try {
			const response = (
				request.unauthenticated
					? await ctx.helpers.httpRequest(options)
					: await ctx.helpers.httpRequestWithAuthentication.call(
							ctx,
							profile.credentialType,
							options,
							freshLogin ? await withoutSessionToken(ctx, profile) : await credentialsForRequest(ctx, profile),
						)
			) as { statusCode: number; headers: Record<string, string>; body: T };
			const headers = lowerCaseKeys(response.headers);
			const unreadable = expectsJson && response.statusCode < 400 && isUnreadableJson(request.method, response.statusCode, response.body);
			const bodyError = response.statusCode < 400 && !request.stream && !unreadable ? profile.bodyError?.(response.body) : undefined;
			if (response.statusCode < 400 && bodyError === undefined && !unreadable) return { status: response.statusCode, headers, body: response.body };
			failure = { ...responseFailure(response.statusCode, headers, response.body), unreadable };
		} catch (error) {
			// A configuration problem (e.g. no credential) is not worth retrying.
			if (error instanceof NodeOperationError) throw asNodeError(ctx.getNode(), error, request.itemIndex);
			failure = readHttpFailure(error);
		} finally {
			// After a login, the copy read once per run is read again, so later calls carry the new token.
			if (freshLogin) await credentialsOnce(ctx, profile.credentialType, { fresh: true }).catch(() => undefined);
			freshLogin = false;
			letN8nRefresh = false;
			finishRenewal?.();
			finishRenewal = undefined;
		}
		// A refused token is renewed once per credential, however many items find it refused at once:
		// one request leads the renewal, the others wait for it and re-send with the new token.
		const refusedToken =
			!request.unauthenticated &&
			((profile.oauth2 === true && failure.status === 401) || (profile.session !== undefined && profile.session.expired(failure)));
		if (refusedToken && renewalsLed === 0) {
			await drain(failure.body);
			// A request that has re-sent with others' new tokens often enough and still lost each one to
			// faster requests (tokens that die by use count, shared by many items or queue-mode workers)
			// renews one of its own: it is the first to use that token. So every request ends, after at
			// most MAX_RENEWAL_WAITS waits and one renewal.
			if (renewalsAwaited < MAX_RENEWAL_WAITS) finishRenewal = await leadRenewal(key, sentAt);
			if (finishRenewal || renewalsAwaited >= MAX_RENEWAL_WAITS) {
				renewalsLed++;
				// OAuth2: n8n refreshes when a request throws 401, so this one is sent with status errors thrown.
				if (profile.oauth2) letN8nRefresh = true;
				else freshLogin = true;
			} else {
				renewalsAwaited++;
				// Another request renewed the token: unless this run's copy of the credential was read
				// after that (by the renewing request of this run), read it again (n8n reads OAuth2
				// credentials itself), so a renewal costs one read per run, not one per waiting item.
				const renewedAt = renewals.get(key)?.endedAt ?? Date.now();
				if (!profile.oauth2) await credentialsOnce(ctx, profile.credentialType, { readSince: renewedAt }).catch(() => undefined);
			}
			continue;
		}
		const delay = nextRetryDelay(failure, request, counters, policy, profile.rateLimitStatuses);
		if (delay !== undefined) {
			await drain(failure.body);
			await sleep(delay);
			continue;
		}
		failure = await settleStreamedBody(failure);
		const secrets = await credentialSecrets(ctx, profile);
		throw vendorApiError(ctx.getNode(), failure, {
			vendor: profile.name,
			requestLabel: request.label,
			vendorText: failure.body !== undefined && !failure.unreadable ? profile.errorText(failure.body) : undefined,
			hint: failure.status !== undefined ? (request.hints?.[failure.status] ?? profile.hints?.[failure.status]) : undefined,
			mayHaveReachedVendor: !isIdempotent(request) && mayHaveReachedVendor(failure),
			secrets,
			itemIndex: request.itemIndex,
		});
	}
}

// Credentials as read once per execution context (n8n gives every item of a node run the same one).
const credentialsByContext = new WeakMap<object, Map<string, { read: Promise<ICredentialDataDecryptedObject>; startedAt: number }>>();

/**
 * The node's credential, read once per run: for values that do not change during a run (URLs,
 * defaults) and a first look at a token's age. Each read costs n8n a database query and a
 * decryption, which for cheap calls is much of the time per item. `fresh` reads it again;
 * `readSince` reads it again unless the copy held was read at or after that time.
 */
export async function credentialsOnce(
	ctx: RequestContext,
	type: string,
	{ fresh = false, readSince }: { fresh?: boolean; readSince?: number } = {},
): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialsByContext.get(ctx);
	if (!byType) credentialsByContext.set(ctx, (byType = new Map()));
	let held = byType.get(type);
	if (!held || fresh || (readSince !== undefined && held.startedAt < readSince)) {
		held = { read: ctx.getCredentials(type), startedAt: Date.now() };
		byType.set(type, held);
		// A failed read is not kept (unless a newer read replaced it): the next call tries again.
		const attempt = held;
		attempt.read.catch(() => byType.get(type) === attempt && byType.delete(type));
	}
	const { read } = held;
	return await read;
}

/** Pacing and token renewal are kept per credential (and per n8n process). */
function credentialKey(ctx: RequestContext, profile: VendorProfile): string {
	return `${profile.credentialType}:${ctx.getNode().credentials?.[profile.credentialType]?.id ?? ''}`;
}

// A request reaches the vendor a little after we send it, and not always equally late: slots keep
// this much room so the vendor's own count never sees one request too many.
const PACING_MARGIN_MS = 250;

// Recent request times per credential, for pacing (per n8n process; a 429 covers the rest).
const recentRequests = new Map<string, number[]>();

/**
 * Waits, if needed, so this credential's requests stay within the vendor's budget: each request
 * reserves the earliest time slot that keeps `requests` calls per `windowMs`.
 */
async function pace(key: string, profile: VendorProfile): Promise<void> {
	const { requests, windowMs } = profile.rateLimit!;
	const now = Date.now();
	const slots = (recentRequests.get(key) ?? []).filter((time) => time > now - windowMs);
	const slot = slots.length >= requests ? Math.max(now, slots[slots.length - requests] + windowMs + PACING_MARGIN_MS) : now;
	slots.push(slot);
	recentRequests.set(key, slots);
	if (slot > now) await sleep(slot - now);
}

// How often one request re-sends with a token another request renewed before renewing one itself.
const MAX_RENEWAL_WAITS = 3;

// Token renewals per credential: the one in progress, and when the last one ended.
const renewals = new Map<string, { inProgress?: Promise<void>; endedAt: number }>();

/**
 * Decides who renews a refused or stale token. Returns a function to call when the renewing request
 * has been answered if the caller should lead the renewal, or undefined once another request has
 * renewed the token since `since` (after waiting for it to finish): the stored token is new, re-send.
 */
async function leadRenewal(key: string, since: number): Promise<(() => void) | undefined> {
	const state = renewals.get(key);
	if (state?.inProgress) {
		await state.inProgress;
		return undefined;
	}
	if (state && state.endedAt >= since) return undefined;
	let end!: () => void;
	const inProgress = new Promise<void>((resolve) => (end = resolve));
	renewals.set(key, { inProgress, endedAt: state?.endedAt ?? 0 });
	return () => {
		renewals.set(key, { endedAt: Date.now() });
		end();
	};
}

/**
 * The credential as read once per run, handed to n8n so it does not read (query and decrypt) it again
 * for every request. Not for OAuth2 credentials: n8n reads those itself to refresh their tokens.
 */
async function credentialsForRequest(ctx: RequestContext, profile: VendorProfile): Promise<IAdditionalCredentialOptions | undefined> {
	if (profile.oauth2) return undefined;
	const reference = ctx.getNode().credentials?.[profile.credentialType];
	return {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: profile.credentialType,
			data: await credentialsOnce(ctx, profile.credentialType),
		},
	};
}

/** Credential options that make n8n run the credential's login before this request. */
async function withoutSessionToken(ctx: RequestContext, profile: VendorProfile): Promise<IAdditionalCredentialOptions> {
	const data = await ctx.getCredentials(profile.credentialType);
	const reference = ctx.getNode().credentials?.[profile.credentialType];
	return {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: profile.credentialType,
			data: { ...data, [profile.session!.tokenField]: '' },
		},
	};
}

/** Reads and drops a streamed body we will not use, so its socket is released. */
async function drain(body: unknown): Promise<void> {
	if (body && typeof body === 'object' && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
		for await (const chunk of body as AsyncIterable<unknown>) void chunk;
	}
}

function lowerCaseKeys(headers: Record<string, unknown> | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (value !== undefined && value !== null) result[key.toLowerCase()] = String(value);
	}
	return result;
}

