import { NodeApiError } from 'n8n-workflow';

import { readHttpFailure, redact } from '../../../nodes/shared/errors';
import {
	DEFAULT_RETRY_POLICY,
	isUnreadableJson,
	mayHaveReachedVendor,
	nextRetryDelay,
	retryAfterMs,
} from '../../../nodes/shared/retry';
import { collectOffsetPages } from '../../../nodes/shared/paging';

const node = {
	id: '1',
	name: 'Node',
	type: 'x',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

describe('retry decisions', () => {
	const counters = () => ({ rateLimited: 0, transient: 0 });

	it('reads Retry-After in seconds or as an HTTP date', () => {
		expect(retryAfterMs({ 'retry-after': '7' })).toBe(7000);
		expect(
			retryAfterMs(
				{ 'retry-after': 'Wed, 21 Oct 2026 07:28:10 GMT' },
				Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'),
			),
		).toBe(10000);
		expect(retryAfterMs({})).toBeUndefined();
	});

	it('waits on 429 for any method, as announced, within the bound', () => {
		const failure = { status: 429, headers: { 'retry-after': '5' }, rawMessage: '' };
		expect(nextRetryDelay(failure, { method: 'POST' }, counters(), DEFAULT_RETRY_POLICY)).toBe(
			5000,
		);
		const tooLong = { status: 429, headers: { 'retry-after': '3600' }, rawMessage: '' };
		expect(
			nextRetryDelay(tooLong, { method: 'GET' }, counters(), DEFAULT_RETRY_POLICY),
		).toBeUndefined();
	});

	it('gives up after the configured number of rate-limit retries', () => {
		const failure = { status: 429, headers: { 'retry-after': '1' }, rawMessage: '' };
		const state = counters();
		const delays = Array.from({ length: DEFAULT_RETRY_POLICY.rateLimitRetries + 1 }, () =>
			nextRetryDelay(failure, { method: 'GET' }, state, DEFAULT_RETRY_POLICY),
		);
		expect(delays.filter((delay) => delay !== undefined)).toHaveLength(
			DEFAULT_RETRY_POLICY.rateLimitRetries,
		);
		expect(delays.at(-1)).toBeUndefined();
	});

	it('backs off on 5xx for safe requests only, with growing bounded delays', () => {
		const failure = { status: 503, headers: {}, rawMessage: '' };
		const state = counters();
		expect(
			[1, 2, 3, 4].map(() =>
				nextRetryDelay(failure, { method: 'GET' }, state, DEFAULT_RETRY_POLICY),
			),
		).toEqual([500, 1000, 2000, undefined]);
		expect(
			nextRetryDelay(failure, { method: 'POST' }, counters(), DEFAULT_RETRY_POLICY),
		).toBeUndefined();
		expect(
			nextRetryDelay(
				failure,
				{ method: 'POST', idempotent: true },
				counters(),
				DEFAULT_RETRY_POLICY,
			),
		).toBe(500);
	});

	it('re-sends a create after a refused connection (nothing was delivered) but not after a reset', () => {
		const refused = { headers: {}, networkCode: 'ECONNREFUSED', rawMessage: '' };
		const reset = { headers: {}, networkCode: 'ECONNRESET', rawMessage: '' };
		expect(nextRetryDelay(refused, { method: 'POST' }, counters(), DEFAULT_RETRY_POLICY)).toBe(500);
		expect(
			nextRetryDelay(reset, { method: 'POST' }, counters(), DEFAULT_RETRY_POLICY),
		).toBeUndefined();
		expect(nextRetryDelay(reset, { method: 'GET' }, counters(), DEFAULT_RETRY_POLICY)).toBe(500);
	});

	it('retries an unreadable answer only for safe requests', () => {
		const unreadable = { status: 200, headers: {}, rawMessage: '', unreadable: true };
		expect(nextRetryDelay(unreadable, { method: 'GET' }, counters(), DEFAULT_RETRY_POLICY)).toBe(
			500,
		);
		expect(
			nextRetryDelay(unreadable, { method: 'POST' }, counters(), DEFAULT_RETRY_POLICY),
		).toBeUndefined();
	});

	it('tells text, nothing and a record apart on a success', () => {
		expect(isUnreadableJson('GET', 200, '<html>Bad gateway</html>')).toBe(true);
		expect(isUnreadableJson('GET', 200, '{"id": 1')).toBe(true);
		expect(isUnreadableJson('GET', 200, '')).toBe(true);
		expect(isUnreadableJson('POST', 201, undefined)).toBe(true);
		expect(isUnreadableJson('DELETE', 200, '')).toBe(false);
		expect(isUnreadableJson('POST', 204, '')).toBe(false);
		expect(isUnreadableJson('GET', 200, { id: 1 })).toBe(false);
		expect(isUnreadableJson('GET', 200, [])).toBe(false);
	});

	it('counts a failure as possibly carried out unless the vendor refused it or never got it', () => {
		expect(mayHaveReachedVendor({ status: 502, headers: {}, rawMessage: '' })).toBe(true);
		expect(mayHaveReachedVendor({ headers: {}, networkCode: 'ETIMEDOUT', rawMessage: '' })).toBe(
			true,
		);
		expect(mayHaveReachedVendor({ headers: {}, networkCode: 'ECONNREFUSED', rawMessage: '' })).toBe(
			false,
		);
		expect(mayHaveReachedVendor({ status: 400, headers: {}, rawMessage: '' })).toBe(false);
	});

	it('never retries a client error', () => {
		expect(
			nextRetryDelay(
				{ status: 400, headers: {}, rawMessage: '' },
				{ method: 'GET' },
				counters(),
				DEFAULT_RETRY_POLICY,
			),
		).toBeUndefined();
	});
});

describe('reading failures', () => {
	it('finds the network code in the texts n8n keeps when it drops the original error', () => {
		const wrapped = new NodeApiError(
			node,
			Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) as never,
		);
		expect(readHttpFailure(wrapped).networkCode).toBe('ECONNRESET');
		const hangUp = new NodeApiError(node, new Error('socket hang up') as never);
		expect(readHttpFailure(hangUp).networkCode).toBe('ECONNRESET');
	});
});

describe('redaction', () => {
	it('removes known secrets and token-shaped values', () => {
		const text =
			'GET https://x.test/api?login_token=abc123def456&q=1 failed; Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x.y; https://user:pa55word@host/p; key super-secret-key';
		const result = redact(text, ['super-secret-key']);
		expect(result).not.toMatch(/abc123def456|eyJhbGciOiJIUzI1NiJ9|pa55word|super-secret-key/);
		expect(result).toContain('login_token=[redacted]&q=1');
		expect(result).toContain('https://user:[redacted]@host/p');
	});
});

describe('offset paging', () => {
	it('stops at the total, at a short page, or at the limit', async () => {
		const records = Array.from({ length: 25 }, (_, index) => index);
		const calls: Array<[number, number]> = [];
		const fetchPage = async (offset: number, size: number) => {
			calls.push([offset, size]);
			return { records: records.slice(offset, offset + size), total: records.length };
		};
		expect(await collectOffsetPages(fetchPage, { maxPageSize: 10 })).toEqual(records);
		expect(calls).toEqual([
			[0, 10],
			[10, 10],
			[20, 10],
		]);
		calls.length = 0;
		expect(await collectOffsetPages(fetchPage, { maxPageSize: 10, limit: 12 })).toEqual(
			records.slice(0, 12),
		);
		expect(calls).toEqual([
			[0, 10],
			[10, 2],
		]);
	});
});
