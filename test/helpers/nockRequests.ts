import nock from 'nock';

import { parseMultipart, type ParsedMultipart } from './multipart';

/** nock hands over binary bodies hex-encoded and text bodies as text. */
export function bodyBuffer(body: unknown): Buffer {
	if (typeof body !== 'string') return Buffer.from(JSON.stringify(body ?? ''));
	return body.length > 0 && /^([0-9a-f]{2})+$/i.test(body)
		? Buffer.from(body, 'hex')
		: Buffer.from(body, 'utf8');
}

export interface CapturedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
	json?: unknown;
	multipart?: ParsedMultipart;
	/** Form fields (application/x-www-form-urlencoded), each with all its values. */
	form?: Record<string, string[]>;
	/** Query parameters, each with all its values. */
	query: Record<string, string[]>;
}

function allValues(params: URLSearchParams): Record<string, string[]> {
	const values: Record<string, string[]> = {};
	for (const [key, value] of params) (values[key] ??= []).push(value);
	return values;
}

/** Records what the vendor received for an interceptor, for assertions on the request itself. */
export function capture(
	interceptor: nock.Interceptor,
	status: number,
	reply: unknown,
	headers?: Record<string, string>,
): CapturedRequest[] {
	const seen: CapturedRequest[] = [];
	interceptor.reply(async function (this: nock.ReplyFnContext, uri, requestBody) {
		const body = bodyBuffer(requestBody);
		const contentType = String(this.req.headers['content-type'] ?? '');
		const entry: CapturedRequest = {
			method: this.req.method,
			path: uri,
			headers: this.req.headers,
			body,
			query: allValues(new URL(uri, 'http://x').searchParams),
		};
		if (contentType.startsWith('multipart/form-data'))
			entry.multipart = await parseMultipart(contentType, body);
		else if (contentType.startsWith('application/x-www-form-urlencoded'))
			entry.form = allValues(new URLSearchParams(body.toString('utf8')));
		else if (body.length) {
			try {
				entry.json = JSON.parse(body.toString('utf8'));
			} catch {
				entry.json = undefined;
			}
		}
		seen.push(entry);
		return [status, reply as nock.Body, headers];
	});
	return seen;
}

export const envelope = (response: unknown, code = 200) => ({
	meta: { code, errors: [] },
	response,
});
export const errorEnvelope = (code: number, message: string, type = 'Error') => ({
	meta: { code, errors: [{ type, message, data: {} }] },
	response: null,
});
