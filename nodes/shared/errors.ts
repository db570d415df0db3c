import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/** What we could learn about a failed HTTP call, whatever shape the error arrived in. */
export interface HttpFailure {
	/** HTTP status, when the vendor answered at all. */
	status?: number;
	headers: Record<string, string>;
	/** Parsed body (JSON when it parses, else text), when there was one. */
	body?: unknown;
	/** Network-level code such as ECONNRESET, when the vendor never answered. */
	networkCode?: string;
	/** The library's own text, used only when nothing better is known. Redacted before use. */
	rawMessage: string;
	/** A successful status with a body that is not the JSON asked for (see isUnreadableJson). */
	unreadable?: boolean;
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object'
		? (value as Record<string, unknown>)
		: undefined;
}

function normaliseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	const source = asRecord(headers);
	if (!source) return result;
	// Axios headers are a class whose own enumerable keys are the header names.
	for (const [key, value] of Object.entries(source)) {
		if (typeof value === 'string' || typeof value === 'number')
			result[key.toLowerCase()] = String(value);
	}
	return result;
}

function parseBody(data: unknown): unknown {
	if (data === undefined || data === null || data === '') return undefined;
	let text: string | undefined;
	if (typeof data === 'string') text = data;
	else if (Buffer.isBuffer(data)) text = data.toString('utf8');
	else if (data instanceof ArrayBuffer) text = Buffer.from(data).toString('utf8');
	if (text === undefined) return data;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Network failure codes, found in an error's code or in the texts n8n keeps of it. */
function networkCodeOf(...sources: Array<Record<string, unknown>>): string | undefined {
	for (const source of sources) {
		if (typeof source.code === 'string' && NETWORK_CODES.has(source.code)) return source.code;
	}
	const texts = sources.flatMap((source) => [
		source.message,
		...(Array.isArray(source.messages) ? source.messages : []),
	]);
	for (const text of texts) {
		if (typeof text !== 'string') continue;
		const code = [...NETWORK_CODES].find((candidate) => text.includes(candidate));
		if (code) return code;
		if (/socket hang up/i.test(text)) return 'ECONNRESET';
		if (/timeout of \d+ms exceeded/i.test(text)) return 'ETIMEDOUT';
	}
	return undefined;
}

/**
 * What a thrown request error tells us. n8n wraps failures in a NodeApiError that, depending on the
 * version, keeps the HTTP library's error as `cause`, as `errorResponse`, or only its texts; a bare
 * library error may arrive too. Our transport asks n8n for full responses, so HTTP statuses mostly
 * arrive as responses, not errors; what is thrown is usually a network failure.
 */
export function readHttpFailure(error: unknown): HttpFailure {
	const outer = asRecord(error) ?? {};
	const inner = asRecord(outer.cause) ?? asRecord(outer.errorResponse) ?? {};
	const response = asRecord(outer.response) ?? asRecord(inner.response);
	let status = typeof response?.status === 'number' ? response.status : undefined;
	if (
		status === undefined &&
		typeof outer.httpCode === 'string' &&
		/^\d{3}$/.test(outer.httpCode)
	) {
		status = Number(outer.httpCode);
	}
	const context = asRecord(outer.context);
	return {
		status,
		headers: normaliseHeaders(response?.headers),
		body: parseBody(response?.data ?? context?.data),
		networkCode: status === undefined ? networkCodeOf(outer, inner) : undefined,
		rawMessage: typeof outer.message === 'string' ? outer.message : String(error),
	};
}

/** The failure an HTTP response with an error status describes. */
export function responseFailure(
	status: number,
	headers: Record<string, string>,
	body: unknown,
): HttpFailure {
	return { status, headers, body: parseBody(body), rawMessage: `HTTP ${status}` };
}

/** Reads a streamed error body (downloads ask for streams) so its vendor message can be shown. */
export async function settleStreamedBody(
	failure: HttpFailure,
	maxBytes = 65536,
): Promise<HttpFailure> {
	const body = failure.body as { [Symbol.asyncIterator]?: unknown } | undefined;
	if (!body || typeof body !== 'object' || typeof body[Symbol.asyncIterator] !== 'function')
		return failure;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body as AsyncIterable<Buffer | string>) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		chunks.push(buffer);
		size += buffer.length;
		if (size >= maxBytes) break;
	}
	return { ...failure, body: parseBody(Buffer.concat(chunks)) };
}

const SECRET_PATTERNS: RegExp[] = [
	// Query-string and form secrets: login_token=..., access_token=..., password=...
	/((?:login_token|access_token|refresh_token|api_key|apikey|password|client_secret|token)=)[^&\s"']+/gi,
	// Authorization headers quoted in messages.
	/(\b(?:Basic|Bearer)\s+)[A-Za-z0-9._~+/=-]{8,}/g,
	// user:password@host in URLs.
	/(\/\/[^/\s:@]+:)[^@\s/]+(@)/g,
];

/**
 * Removes secrets from text that may reach a user, a log or an output item: every value of the
 * credential we know about, and anything shaped like a token in a URL or header.
 */
export function redact(text: string, secrets: Array<string | undefined> = []): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= 4)
			result = result.split(secret).join('[redacted]');
	}
	for (const pattern of SECRET_PATTERNS) {
		result = result.replace(pattern, (_match, prefix: string, suffix?: string) =>
			typeof suffix === 'string' ? `${prefix}[redacted]${suffix}` : `${prefix}[redacted]`,
		);
	}
	return result;
}

export interface VendorErrorContext {
	vendor: string;
	/** "GET /contracts/{id}": method and path only, never the query string (it may hold tokens). */
	requestLabel: string;
	/** The vendor's own explanation, extracted from its error body. */
	vendorText?: string;
	/** A hint for this status (how to fix it), from the vendor's profile. */
	hint?: string;
	/** A create or other non-repeatable call that may have done its work before failing: not re-sent. */
	mayHaveReachedVendor?: boolean;
	secrets: Array<string | undefined>;
	itemIndex?: number;
}

const STATUS_SUMMARY: Record<number, string> = {
	400: 'rejected the request as invalid',
	401: 'did not accept the credentials',
	403: 'refused access',
	404: 'could not find the requested record',
	409: 'reported a conflict',
	412: 'reported a failed precondition',
	413: 'refused the request as too large',
	419: 'is limiting the request rate',
	422: 'could not process the request',
	429: 'is limiting the request rate',
};

/**
 * Network failures in words. The code itself goes to the description only: n8n replaces any error
 * message that contains such a code with its own generic text, which would drop the vendor and the item.
 */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNRESET: 'the connection was cut before the answer arrived',
	EPIPE: 'the connection was cut while sending',
	ECONNREFUSED: 'the connection was refused',
	ECONNABORTED: 'no answer came in time',
	ETIMEDOUT: 'no answer came in time',
	ESOCKETTIMEDOUT: 'no answer came in time',
	ERR_SOCKET_CONNECTION_TIMEOUT: 'no connection could be made in time',
	EAI_AGAIN: 'its host name could not be looked up',
	ENOTFOUND: 'its host name could not be found',
};

const TIMED_OUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * Text joined from pieces (a summary, a vendor's reason, a hint) with the seams smoothed: no doubled
 * full stops, no space before punctuation, no word said twice in a row.
 */
export function tidySentence(text: string): string {
	return text
		.replace(/(?<!\.)\.\.(?!\.)/g, '.')
		.replace(/\s+([.,;:])/g, '$1')
		.replace(/\b(\w+) \1\b/gi, '$1')
		.replace(/\s{2,}/g, ' ')
		.trim();
}

/** Builds the one error users see for a failed vendor call: what happened, and how to fix it. */
export function vendorApiError(
	node: INode,
	failure: HttpFailure,
	context: VendorErrorContext,
): NodeApiError {
	const { vendor, requestLabel, vendorText, hint, secrets, itemIndex } = context;
	let summary: string;
	if (failure.unreadable) {
		summary = `${vendor} sent an answer that is not valid JSON (HTTP ${failure.status})`;
	} else if (failure.status !== undefined && failure.status < 400) {
		// The vendor flagged a failure in a successful-looking response.
		summary = `${vendor} returned an error`;
	} else if (failure.status !== undefined) {
		const what =
			STATUS_SUMMARY[failure.status] ??
			(failure.status >= 500 ? 'had a server error' : 'returned an error');
		summary = `${vendor} ${what} (HTTP ${failure.status})`;
	} else if (failure.networkCode) {
		summary = `Could not reach ${vendor}: ${NETWORK_FAILURES[failure.networkCode] ?? 'the network failed'}`;
	} else {
		// Neither an answer nor a network failure: e.g. the credential's login was refused.
		summary = `The request to ${vendor} failed`;
	}
	const reason =
		vendorText ??
		(failure.status === undefined && !failure.networkCode ? failure.rawMessage : undefined);
	const itemNote = itemIndex !== undefined ? ` [item ${itemIndex}]` : '';
	// A reason that already names the vendor (a credential's own login error) is the whole message.
	const whole =
		reason !== undefined &&
		failure.status === undefined &&
		!failure.networkCode &&
		reason.startsWith(vendor);
	const text = whole ? reason : reason ? `${summary}: ${reason}` : summary;
	const message = redact(`${tidySentence(text)}${itemNote}`, secrets);
	const details = [`Request: ${requestLabel}.`];
	if (failure.status === undefined && failure.networkCode)
		details.push(`Network error code: ${failure.networkCode}.`);
	if (failure.status === undefined && TIMED_OUT.has(failure.networkCode ?? ''))
		details.push(
			`If ${vendor} is slow rather than down, raise the node's Options → Timeout (Seconds).`,
		);
	if (context.mayHaveReachedVendor) {
		details.push(
			`${vendor} may have carried out this request before the failure, so it was not sent again (that could duplicate it). Check in ${vendor} whether it took effect before running this item again.`,
		);
	}
	if (hint) details.push(hint);
	const description = redact(tidySentence(details.join(' ')), secrets);
	const errorResponse: JsonObject = { message, description };
	if (failure.status !== undefined) errorResponse.httpCode = String(failure.status);
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex,
	});
}

/**
 * The error to throw from a catch block: n8n's own error types pass through unchanged (they already
 * carry a clear message and the item index), anything else is wrapped so the UI can show it.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined && error.context.itemIndex === undefined)
			error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}
