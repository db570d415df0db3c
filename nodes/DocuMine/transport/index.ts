import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeExecutionData,
} from 'n8n-workflow';

import { fileNameFromContentDisposition } from '../../shared/binary';
import { credentialBaseUrl, credentialsOnce, vendorRequest, type RequestContext, type VendorProfile } from '../../shared/http';
import { inParallel, PARALLEL_ITEMS } from '../../shared/itemLoop';
import { apiBaseUrl, FIELDS, PATHS, type Outcome } from '../api';

/** Access tokens live 300 s; one older than this is renewed before use rather than after a refusal. */
export const SAFE_TOKEN_AGE_MS = 240_000;

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** DocuMine's error body is `{timestamp, message}`; its identity server answers `{error, error_description}`. */
export function docuMineErrorText(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() && !body.trim().startsWith('<') ? body.trim().slice(0, 300) : undefined;
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	return text(record.message) ?? text(record.error_description) ?? text(record.error);
}

const common = {
	name: 'DocuMine',
	errorText: docuMineErrorText,
	hints: {
		401: 'DocuMine did not accept the login. Check the credential (workspace, client, username and password).',
		403: 'The DocuMine user lacks the role for this (e.g. only managers create dossiers).',
		404: 'Check the IDs: the dossier template, dossier, file or package does not exist in this workspace.',
		429: 'DocuMine is limiting requests. Spread the work over more time.',
	},
};

const passwordProfile: VendorProfile = {
	...common,
	credentialType: 'docuMineApi',
	secretFields: ['password', 'clientSecret', 'accessToken'],
	session: {
		tokenField: 'accessToken',
		expired: (failure) => failure.status === 401,
		stale: (credentials) => !!credentials.accessToken && Date.now() - Number(credentials.sessionStartedAt ?? 0) > SAFE_TOKEN_AGE_MS,
	},
};

const oauth2Profile: VendorProfile = {
	...common,
	credentialType: 'docuMineOAuth2Api',
	secretFields: ['clientSecret', 'oauthTokenData'],
	oauth2: true,
};

/** The profile of the credential the node uses (password grant or authorization code). */
export function docuMineProfile(ctx: RequestContext): VendorProfile {
	return ctx.getNode().credentials?.docuMineOAuth2Api && !ctx.getNode().credentials?.docuMineApi ? oauth2Profile : passwordProfile;
}

async function settings(ctx: RequestContext): Promise<{ apiBase: string; workspaceId: string }> {
	const credentials = await credentialsOnce(ctx, docuMineProfile(ctx).credentialType);
	// The DocuMine URL has no usual address: it is the customer's own instance.
	credentialBaseUrl(ctx, credentials.url, undefined, 'DocuMine', 'DocuMine URL', 'https://yourcompany.documine.ai');
	return { apiBase: apiBaseUrl(credentials), workspaceId: String(credentials.workspaceId ?? '') };
}

export interface DocuMineCall {
	qs?: IDataObject;
	body?: unknown | (() => unknown);
	headers?: IDataObject;
	itemIndex?: number;
	label?: string;
	stream?: boolean;
}

/** Calls DocuMine with the credential's token and, always, the workspace's X-TENANT-ID header. */
export async function docuMineCall<T = IDataObject>(ctx: RequestContext, method: IHttpRequestMethods, path: string, call: DocuMineCall = {}) {
	const { apiBase, workspaceId } = await settings(ctx);
	return await vendorRequest<T>(ctx, docuMineProfile(ctx), {
		method,
		url: `${apiBase}${path}`,
		label: call.label ?? `${method} ${path.replace(/\/[0-9a-f-]{8,}/gi, '/{id}')}`,
		qs: call.qs,
		body: call.body,
		headers: { 'X-TENANT-ID': workspaceId, ...(call.headers ?? {}) },
		itemIndex: call.itemIndex,
		stream: call.stream,
	});
}

export async function docuMineRequest<T = IDataObject>(ctx: RequestContext, method: IHttpRequestMethods, path: string, call: DocuMineCall = {}): Promise<T> {
	return (await docuMineCall<T>(ctx, method, path, call)).body;
}

/** A list, whether DocuMine wraps it in an object (`{files: […]}`) or sends the array itself. */
export async function docuMineList(ctx: RequestContext, path: string, key: string, itemIndex?: number, qs?: IDataObject): Promise<IDataObject[]> {
	const body = await docuMineRequest<IDataObject | IDataObject[]>(ctx, 'GET', path, { itemIndex, qs });
	if (Array.isArray(body)) return body;
	const list = body?.[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

export interface WaitOptions {
	intervalMs: number;
	timeoutMs: number;
	itemIndex: number;
}

/** Where one polled record ended up: its last read (or the error reading it) and whether it is done. */
export interface PollState {
	record?: IDataObject;
	error?: Error;
	done: boolean;
}

/** Reads the records of one polling round: each id's record, or the error reading it gave. */
export type RoundReader = (ids: string[]) => Promise<Map<string, IDataObject | Error>>;

/** A round reader that reads each record on its own, several at once. */
export function readEach(read: (id: string) => Promise<IDataObject>): RoundReader {
	return async (ids) => {
		const records = new Map<string, IDataObject | Error>();
		await inParallel(ids.length, PARALLEL_ITEMS, async (index) => {
			records.set(ids[index], await read(ids[index]).catch((error: Error) => error));
		});
		return records;
	};
}

/**
 * Polls records until each reaches an end state or the time is up. Each round, one interval after
 * the last, reads every record still running; a record whose read fails is done, with that error.
 */
export async function pollUntilDone(
	ids: string[],
	readRound: RoundReader,
	running: (record: IDataObject) => boolean,
	options: Pick<WaitOptions, 'intervalMs' | 'timeoutMs'>,
): Promise<Map<string, PollState>> {
	const states = new Map<string, PollState>(ids.map((id) => [id, { done: false }]));
	const deadline = Date.now() + options.timeoutMs;
	for (;;) {
		// Processing takes seconds at least: a read straight after the upload would only cost a request.
		await sleep(Math.min(options.intervalMs, Math.max(0, deadline - Date.now())));
		const open = ids.filter((id) => !states.get(id)!.done);
		for (const [id, read] of await readRound(open)) {
			const state = states.get(id)!;
			if (read instanceof Error) {
				state.error = read;
				state.done = true;
			} else {
				state.record = read;
				state.done = !running(read);
			}
		}
		if ([...states.values()].every((state) => state.done) || Date.now() + options.intervalMs > deadline) return states;
	}
}

/** The error for records still unfinished when the wait ran out. */
export function waitTimedOut(ctx: IExecuteFunctions, what: string, unfinished: string[], options: WaitOptions): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Timed out waiting for ${what}: ${unfinished.join(', ')} [item ${options.itemIndex}]`, {
		itemIndex: options.itemIndex,
		description: `Still unfinished after ${Math.round(options.timeoutMs / 1000)} s. Raise "Timeout" or check ${what} in DocuMine.`,
	});
}

/**
 * Polls until every record reaches an end state, with a bounded total time. Unknown statuses count
 * as "still running"; a timeout names each record still unfinished and its last status.
 */
export async function waitUntilFinished(
	ctx: IExecuteFunctions,
	ids: string[],
	read: (id: string) => Promise<IDataObject>,
	statusOf: (record: IDataObject) => unknown,
	classify: (status: unknown) => Outcome,
	what: string,
	options: WaitOptions,
): Promise<Map<string, IDataObject>> {
	const states = await pollUntilDone(ids, readEach(read), (record) => classify(statusOf(record)) === 'running', options);
	const finished = new Map<string, IDataObject>();
	for (const [id, state] of states) {
		if (state.error) throw state.error;
		if (state.done) finished.set(id, state.record!);
	}
	const unfinished = ids.filter((id) => !finished.has(id));
	if (unfinished.length) {
		throw waitTimedOut(ctx, what, unfinished.map((id) => `${id} (${String(statusOf(states.get(id)!.record ?? {}) ?? 'no status')})`), options);
	}
	return finished;
}

/** The id a create-download answer carries (DocuMine's field name is not public; any known one is taken). */
export function downloadIdOf(body: IDataObject): string | undefined {
	for (const key of FIELDS.downloadIdKeys) if (typeof body?.[key] === 'string' || typeof body?.[key] === 'number') return String(body[key]);
	return undefined;
}

/** Downloads a ready result package (a ZIP) into binary data, streamed. */
export async function downloadPackage(ctx: IExecuteFunctions, downloadId: string, binaryPropertyName: string, itemIndex: number): Promise<INodeExecutionData> {
	const response = await docuMineCall<AsyncIterable<Buffer>>(ctx, 'GET', PATHS.downloadFile(downloadId), { itemIndex, stream: true, label: 'GET /downloads/{id}/file' });
	const fileName = fileNameFromContentDisposition(response.headers['content-disposition']) || `documine-${downloadId}.zip`;
	const binary = await ctx.helpers.prepareBinaryData(response.body as unknown as Buffer, fileName, 'application/zip');
	return { json: { downloadId, fileName }, binary: { [binaryPropertyName]: binary } };
}
