import {
	NodeOperationError,
	sleep,
	type NodeApiError,
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
import {
	credentialsForRequest,
	credentialSecrets,
	credentialsOnce,
	withoutSessionToken,
} from './credentials';
import {
	DEFAULT_RETRY_POLICY,
	isIdempotent,
	isUnreadableJson,
	mayHaveReachedVendor,
	nextRetryDelay,
	type AttemptCounters,
	type RetryPolicy,
} from './retry';
import type { AnswerSignal } from './concurrency';
import { PARALLEL_ITEMS } from './itemLoop';
import { credentialSession, type CredentialSession } from './session';

/** Every n8n context our nodes make vendor calls from. */
export type RequestContext =
	IExecuteFunctions | IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions | IPollFunctions;

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
	/**
	 * The vendor's request budget per credential, or how to read it from the credential (when the
	 * user can set it); calls are paced to stay within it.
	 */
	rateLimit?: RateBudget | ((credentials: ICredentialDataDecryptedObject) => RateBudget);
	/** Statuses besides 429 by which the vendor says "too many requests" (retried like a 429). */
	rateLimitStatuses?: number[];
	/**
	 * How many requests the vendor is known to take in flight at once from one credential: where
	 * the adaptive window starts, and the default of Options → Max Parallel Requests
	 * (PARALLEL_ITEMS unless the vendor is known to take more).
	 */
	parallelRequests?: number;
}

export interface RateBudget {
	requests: number;
	windowMs: number;
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
	/** The most requests of this credential in flight at once (Options → Max Parallel Requests). */
	maxParallel?: number;
}

export interface VendorResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	body: T;
}

/**
 * How long a vendor may stay silent (no byte sent or received) before a call is given up: a stalled
 * connection otherwise holds the item, and the whole execution, for good. Uploads get longer, as a
 * vendor may take a while to store a large file before it answers.
 */
export const REQUEST_TIMEOUT_MS = 60_000;
export const UPLOAD_TIMEOUT_MS = 120_000;
/**
 * The one way our nodes talk to a vendor: authenticated through n8n's credential system, retrying
 * 429s (honouring Retry-After) and transient failures of safe requests with a bounded backoff,
 * renewing a refused or stale token once per credential, and turning any final failure into a
 * clear, redacted NodeApiError.
 */
export async function vendorRequest<T = unknown>(
	ctx: RequestContext,
	profile: VendorProfile,
	request: VendorRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<VendorResponse<T>> {
	const exchange = new Exchange<T>(ctx, profile, request, policy);
	await exchange.renewStaleToken();
	for (;;) {
		const sent = await exchange.send();
		if (sent.response) return sent.response;
		if (await exchange.renewRefusedToken(sent.failure, sent.sentAt)) continue;
		if (await exchange.waitToRetry(sent.failure)) continue;
		throw await exchange.error(sent.failure);
	}
}

type Sent<T> =
	| { response: VendorResponse<T>; failure?: undefined; sentAt: number }
	| { response?: undefined; failure: HttpFailure; sentAt: number };

/** One request's life: its attempts, the token renewals it leads or waits for, its retries. */
class Exchange<T> {
	private readonly session: CredentialSession;

	private readonly counters: AttemptCounters = { rateLimited: 0, transient: 0 };

	private readonly expectsJson: boolean;

	/** Send the next attempt with the token emptied, so n8n runs the credential's login first. */
	private freshLogin = false;

	/** Send the next attempt with status errors thrown, so n8n refreshes an OAuth2 token on 401. */
	private letN8nRefresh = false;

	/** Ends the renewal this request leads, once its attempt is answered. */
	private finishRenewal: (() => void) | undefined;

	private renewalsLed = 0;

	/**
	 * When the renewal this request led for its last attempt ended: that attempt carried the new
	 * token, so a refusal of it is judged against this moment, not against when it was sent (which
	 * was before its own renewal ended).
	 */
	private ownRenewalEndedAt: number | undefined;

	private renewalsAwaited = 0;

	constructor(
		private readonly ctx: RequestContext,
		private readonly profile: VendorProfile,
		private readonly request: VendorRequest,
		private readonly policy: RetryPolicy,
	) {
		this.session = credentialSession(credentialKey(ctx, profile));
		this.expectsJson = request.stream ? false : (request.json ?? true);
	}

	/** A token too old to use is renewed before anything is sent (by one request for all). */
	async renewStaleToken(): Promise<void> {
		const { stale } = this.profile.session ?? {};
		if (!stale) return;
		const readAt = Date.now();
		const type = this.profile.credentialType;
		// A first look at the copy read once per run; only a token that looks old is read again.
		if (
			stale(await credentialsOnce(this.ctx, type)) &&
			stale(await credentialsOnce(this.ctx, type, { fresh: true }))
		) {
			this.finishRenewal = await this.session.leadRenewal(readAt);
			this.freshLogin = this.finishRenewal !== undefined;
		}
	}

	/** n8n's request options for the next attempt. */
	private options(): IHttpRequestOptions {
		const { request } = this;
		// Full responses for every status: n8n's error wrapping drops response headers (Retry-After),
		// so statuses are judged here rather than thrown by n8n.
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			qs: request.qs,
			headers: request.headers,
			body: typeof request.body === 'function' ? (request.body as () => unknown)() : request.body,
			json: this.expectsJson,
			returnFullResponse: true,
			ignoreHttpStatusErrors: !this.letN8nRefresh,
			// Lists go out as repeated keys (a=1&a=2), the form most APIs read.
			arrayFormat: 'repeat',
		} as IHttpRequestOptions;
		if (request.stream) options.encoding = 'stream';
		// Following redirects makes n8n's HTTP client keep the whole request body in memory (to send
		// it again): a streamed upload of a large file is sent without that.
		if (options.body instanceof StreamedBody)
			(options as IHttpRequestOptions & { disableFollowRedirect?: boolean }).disableFollowRedirect =
				true;
		options.timeout =
			request.timeout ??
			(options.body instanceof StreamedBody ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS);
		if (options.body === undefined) delete options.body;
		return options;
	}

	/** The credential's request budget (read once per run when the user can set it). */
	private async budget(): Promise<RateBudget> {
		const { rateLimit, credentialType } = this.profile;
		return typeof rateLimit === 'function'
			? rateLimit(await credentialsOnce(this.ctx, credentialType))
			: (rateLimit as RateBudget);
	}

	/** One attempt: the answer if it is a success, else what failed. */
	async send(): Promise<Sent<T>> {
		const { ctx, profile, request } = this;
		if (profile.rateLimit && !request.unauthenticated) await this.session.pace(await this.budget());
		// The window is for an action node's items side by side: triggers, polls and list searches
		// send one request after the other anyway. Links the vendor handed out often point elsewhere
		// (a file store): only its own API is windowed.
		const window =
			request.unauthenticated || !('getInputData' in ctx)
				? undefined
				: this.session.window(profile.parallelRequests ?? PARALLEL_ITEMS);
		const answered = await window?.acquire(request.maxParallel ?? profile.parallelRequests);
		const options = this.options();
		const sentAt = Date.now();
		let signal: AnswerSignal = 'refused';
		try {
			const response = (
				request.unauthenticated
					? await ctx.helpers.httpRequest(options)
					: await ctx.helpers.httpRequestWithAuthentication.call(
							ctx,
							profile.credentialType,
							options,
							this.freshLogin
								? await withoutSessionToken(ctx, profile)
								: await credentialsForRequest(ctx, profile),
						)
			) as { statusCode: number; headers: Record<string, string>; body: T };
			const headers = lowerCaseKeys(response.headers);
			const unreadable =
				this.expectsJson &&
				response.statusCode < 400 &&
				isUnreadableJson(request.method, response.statusCode, response.body);
			const bodyError =
				response.statusCode < 400 && !request.stream && !unreadable
					? profile.bodyError?.(response.body)
					: undefined;
			signal = pushesBack(response.statusCode, profile)
				? 'refused'
				: window?.isSlow(Date.now() - sentAt)
					? 'slow'
					: 'clean';
			if (response.statusCode < 400 && bodyError === undefined && !unreadable)
				return { response: { status: response.statusCode, headers, body: response.body }, sentAt };
			return {
				failure: { ...responseFailure(response.statusCode, headers, response.body), unreadable },
				sentAt,
			};
		} catch (error) {
			// A configuration problem (e.g. no credential) is not worth retrying.
			if (error instanceof NodeOperationError)
				throw asNodeError(ctx.getNode(), error, request.itemIndex);
			return { failure: readHttpFailure(error), sentAt };
		} finally {
			answered?.(signal, Date.now() - sentAt);
			// After a login, the copy read once per run is read again, so later calls carry the new token.
			if (this.freshLogin)
				await credentialsOnce(ctx, profile.credentialType, { fresh: true }).catch(() => undefined);
			this.freshLogin = false;
			this.letN8nRefresh = false;
			const led = this.finishRenewal !== undefined;
			this.finishRenewal?.();
			this.finishRenewal = undefined;
			this.ownRenewalEndedAt = led ? this.session.renewedAt : undefined;
		}
	}

	/**
	 * After a refused token: whether to re-send. One request leads the renewal, the others wait for
	 * it and re-send with the new token; a request leads at most MAX_RENEWALS_LED renewals.
	 */
	async renewRefusedToken(failure: HttpFailure, sentAt: number): Promise<boolean> {
		const { profile } = this;
		const refused =
			!this.request.unauthenticated &&
			((profile.oauth2 === true && failure.status === 401) ||
				(profile.session !== undefined && profile.session.expired(failure)));
		if (!refused || this.renewalsLed >= MAX_RENEWALS_LED) return false;
		await drain(failure.body);
		// A request that has re-sent with others' new tokens often enough and still lost each one to
		// faster requests (tokens that die by use count, shared by many items or queue-mode workers)
		// renews one of its own: it is the first to use that token. So every request ends, after at
		// most MAX_RENEWAL_WAITS waits and one renewal.
		if (this.renewalsAwaited < MAX_RENEWAL_WAITS)
			this.finishRenewal = await this.session.leadRenewal(
				this.ownRenewalEndedAt === undefined ? sentAt : this.ownRenewalEndedAt + 1,
			);
		if (this.finishRenewal || this.renewalsAwaited >= MAX_RENEWAL_WAITS) {
			this.renewalsLed++;
			// OAuth2: n8n refreshes when a request throws 401, so this one is sent with status errors thrown.
			if (profile.oauth2) this.letN8nRefresh = true;
			else this.freshLogin = true;
			return true;
		}
		this.renewalsAwaited++;
		// Another request renewed the token: unless this run's copy of the credential was read after
		// that (by the renewing request of this run), read it again (n8n reads OAuth2 credentials
		// itself), so a renewal costs one read per run, not one per waiting item.
		if (!profile.oauth2)
			await credentialsOnce(this.ctx, profile.credentialType, {
				readSince: this.session.renewedAt,
			}).catch(() => undefined);
		return true;
	}

	/** After a failure that may pass (429, a transient error of a safe request): waits, and says to re-send. */
	async waitToRetry(failure: HttpFailure): Promise<boolean> {
		const delay = nextRetryDelay(
			failure,
			this.request,
			this.counters,
			this.policy,
			this.profile.rateLimitStatuses,
		);
		if (delay === undefined) return false;
		await drain(failure.body);
		await sleep(delay);
		return true;
	}

	/** The error a final failure gives: the vendor's words, a hint, the item, no secret. */
	async error(failure: HttpFailure): Promise<NodeApiError> {
		const { ctx, profile, request } = this;
		const settled = await settleStreamedBody(failure);
		return vendorApiError(ctx.getNode(), settled, {
			vendor: profile.name,
			requestLabel: request.label,
			vendorText:
				settled.body !== undefined && !settled.unreadable
					? profile.errorText(settled.body)
					: undefined,
			hint:
				settled.status !== undefined
					? (request.hints?.[settled.status] ?? profile.hints?.[settled.status])
					: undefined,
			mayHaveReachedVendor: !isIdempotent(request) && mayHaveReachedVendor(settled),
			secrets: await credentialSecrets(ctx, profile),
			itemIndex: request.itemIndex,
		});
	}
}

/** Whether an answer says the vendor is overloaded: a 429 (or the vendor's own such status) or a 5xx. */
function pushesBack(status: number, profile: VendorProfile): boolean {
	return status === 429 || status >= 500 || (profile.rateLimitStatuses ?? []).includes(status);
}

/** Pacing and token renewal are kept per credential (and per n8n process). */
function credentialKey(ctx: RequestContext, profile: VendorProfile): string {
	return `${profile.credentialType}:${ctx.getNode().credentials?.[profile.credentialType]?.id ?? ''}`;
}

// How often one request re-sends with a token another request renewed before renewing one itself.
const MAX_RENEWAL_WAITS = 3;
/**
 * A token renewed for a request can die on the clock before the re-sent request reaches the vendor
 * (short-lived tokens, a busy n8n queueing requests behind the window): the request may renew once
 * more. A token refused a third time is a real refusal, reported.
 */
const MAX_RENEWALS_LED = 2;

/** Reads and drops a streamed body we will not use, so its socket is released. */
async function drain(body: unknown): Promise<void> {
	if (
		body &&
		typeof body === 'object' &&
		typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
	) {
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
