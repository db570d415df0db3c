import type { HttpFailure } from './errors';
import type { VendorRequest } from './http';

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

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
// Connection refused means nothing reached the vendor: safe to re-send whatever the method.
const NEVER_DELIVERED = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND']);

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(
	headers: Record<string, string>,
	now = Date.now(),
): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined) return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface AttemptCounters {
	rateLimited: number;
	transient: number;
}

export function isIdempotent(request: Pick<VendorRequest, 'method' | 'idempotent'>): boolean {
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
	if (
		failure.status === 429 ||
		(failure.status !== undefined && rateLimitStatuses.includes(failure.status))
	) {
		if (counters.rateLimited >= policy.rateLimitRetries) return undefined;
		counters.rateLimited++;
		const wait =
			announced ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** counters.rateLimited);
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
