import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { downloadedBinary } from '../../shared/binary';
import type { HttpFailure } from '../../shared/errors';
import { credentialBaseUrl, credentialsOnce } from '../../shared/credentials';
import { type RequestContext, type VendorProfile } from '../../shared/http';
import { errorTextOf, firstText, vendorApi, type ApiCall } from '../../shared/transport';
import { fileFacts } from '../../shared/toolOutput';

export const DEFAULT_BASE_URL = 'https://www.docketalarm.com';

/**
 * The guide says a token lasts 90 minutes in one place and 30 in another; the vendor's own
 * client assumes 30. We log in again once a token is 25 minutes old, before it can fail.
 */
export const SAFE_TOKEN_AGE_MS = 25 * 60 * 1000;

// Docket Alarm's errors carry no codes; these words mark a refused or expired session.
const SESSION_ERROR = /login|log in|token|authenticat|session|expired|not logged|unauthori[sz]ed/i;

export function docketAlarmErrorText(body: unknown): string | undefined {
	return errorTextOf(body, (record) => firstText(record.error));
}

// Docket Alarm may fetch a docket or document from PACER or a court site before it answers.
const DOCKET_ALARM_TIMEOUT_MS = 120_000;

// Docket Alarm's own bulk client works with 15 parallel workers; its API takes that many at once.
export const DOCKET_ALARM_PARALLEL_REQUESTS = 15;

export const docketAlarmProfile: VendorProfile = {
	name: 'Docket Alarm',
	parallelRequests: DOCKET_ALARM_PARALLEL_REQUESTS,
	credentialType: 'docketAlarmApi',
	secretFields: ['password', 'loginToken'],
	errorText: docketAlarmErrorText,
	bodyError(body) {
		if (!body || typeof body !== 'object' || (body as IDataObject).success !== false)
			return undefined;
		return docketAlarmErrorText(body) ?? 'unknown error';
	},
	session: {
		tokenField: 'loginToken',
		expired(failure: HttpFailure) {
			if (failure.status === 401) return true;
			const text = docketAlarmErrorText(failure.body);
			return (
				failure.status !== undefined && failure.status < 400 && !!text && SESSION_ERROR.test(text)
			);
		},
		stale(credentials: ICredentialDataDecryptedObject) {
			if (credentials.authMethod === 'basic') return false;
			const issuedAt = Number(credentials.sessionStartedAt ?? 0);
			return !!credentials.loginToken && issuedAt > 0 && Date.now() - issuedAt > SAFE_TOKEN_AGE_MS;
		},
	},
	hints: {
		401: 'Docket Alarm did not accept the login. Check the username and password in the credential, and that API access is enabled.',
		403: 'The document is sealed, or the court has not released it yet. Try again in a few days.',
		404: 'Docket Alarm has no such document in this docket. Check the link.',
		412: 'The document is not in Docket Alarm’s cache. Turn off "Cached Only" to fetch it from the court (court fees may apply).',
		500: 'Docket Alarm reported an internal error; retrying rarely helps. Contact Docket Alarm support if it persists.',
	},
};

/** Form encoding with repeated keys for lists (`nature_of_suit=810&nature_of_suit=220`). */
export function formEncode(fields: IDataObject): string {
	const form = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		for (const single of Array.isArray(value) ? value : [value]) form.append(name, String(single));
	}
	return form.toString();
}

export interface DocketAlarmCall extends ApiCall {
	/** Query parameters (GET) or form fields (POST). */
	fields?: IDataObject;
	/** Whether to add the client matter (the node's, else the credential's default). */
	clientMatter?: string | false;
}

/** The client matter to bill: the node's value, else the credential's default. */
export async function clientMatterFor(
	ctx: RequestContext,
	given: string | undefined,
): Promise<string> {
	return given !== undefined && given !== ''
		? given
		: String((await credentialsOnce(ctx, 'docketAlarmApi')).clientMatter ?? '');
}

/**
 * Calls a Docket Alarm endpoint (`search/`, `getdocket/`, …). GET sends the fields as query
 * parameters, POST as a form. A `success: false` answer becomes an error with the vendor's text;
 * an expired session is renewed once (see the shared transport).
 */
const api = vendorApi<DocketAlarmCall>({
	profile: docketAlarmProfile,
	baseUrl: (ctx, credentials) =>
		credentialBaseUrl(ctx, credentials.baseUrl, DEFAULT_BASE_URL, 'Docket Alarm'),
	apiPath: '/api/v1/',
	async prepare(ctx, request, call) {
		const timeout = request.timeout ?? DOCKET_ALARM_TIMEOUT_MS;
		if (call.fields === undefined && call.clientMatter === undefined)
			return { ...request, timeout };
		const fields: IDataObject = { ...(call.fields ?? {}) };
		if (call.clientMatter !== false && call.clientMatter !== undefined)
			fields.client_matter = await clientMatterFor(ctx, call.clientMatter);
		if (request.method === 'GET')
			return { ...request, timeout, qs: { ...(request.qs ?? {}), ...fields } };
		return {
			...request,
			timeout,
			body: formEncode(fields),
			headers: { ...(request.headers ?? {}), 'Content-Type': 'application/x-www-form-urlencoded' },
		};
	},
});

export const { apiRequest, apiResponse, baseUrl } = api;

/**
 * A document link as an absolute URL on the credential's Docket Alarm host. Links may be relative
 * (`cases/…/docs/1.pdf`); a link to any other host is refused, because the login token would go
 * with it.
 */
export async function documentUrl(
	ctx: IExecuteFunctions,
	link: string,
	itemIndex: number,
): Promise<string> {
	const base = await baseUrl(ctx);
	const text = link.trim();
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `Document Link is empty [item ${itemIndex}]`, {
			itemIndex,
			description: 'Use the `link` of a docket entry or exhibit from "Get Docket".',
		});
	}
	let url: URL;
	try {
		url = new URL(text, `${base}/`);
	} catch {
		throw new NodeOperationError(
			ctx.getNode(),
			`Document Link "${text}" is not a URL [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	const allowed = new URL(`${base}/`);
	if (url.host !== allowed.host) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Document Link points to ${url.host}, not Docket Alarm [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Only links on ${allowed.host} are downloaded, so the login never goes to another site.`,
			},
		);
	}
	url.search = '';
	url.hash = '';
	return url.toString();
}

/** Downloads a document (a PDF) into the item's binary data, streamed. */
export async function downloadDocument(
	ctx: IExecuteFunctions,
	link: string,
	options: {
		cached: boolean;
		clientMatter?: string;
		binaryPropertyName: string;
		itemIndex: number;
	},
): Promise<INodeExecutionData> {
	const url = await documentUrl(ctx, link, options.itemIndex);
	const qs: IDataObject = {};
	if (options.cached) qs.cached = 'true';
	const clientMatter = await clientMatterFor(ctx, options.clientMatter);
	if (clientMatter) qs.client_matter = clientMatter;
	const response = await apiResponse<AsyncIterable<Buffer>>(ctx, 'GET', url, {
		label: 'GET <document link>',
		qs,
		stream: true,
		itemIndex: options.itemIndex,
	});
	const path = new URL(url).pathname;
	const { binary, fileName } = await downloadedBinary(ctx, response, {
		fallbackName: decodeURIComponent(path.split('/').pop() || 'document.pdf'),
		mimeType: 'application/pdf',
	});
	return {
		json: {
			link: url,
			...fileFacts(binary),
			fileName,
			cached: options.cached,
			size: Number(response.headers['content-length'] ?? 0) || undefined,
		},
		binary: { [options.binaryPropertyName]: binary },
	};
}
