import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadedBinary } from '../../shared/binary';
import { credentialBaseUrl } from '../../shared/credentials';
import { type RequestContext, type VendorProfile } from '../../shared/http';
import { errorTextOf, firstText, vendorApi } from '../../shared/transport';
import { fileFacts } from '../../shared/toolOutput';
import { apiBaseUrl, FIELDS, PATHS } from '../api';
/** Access tokens live 300 s; one older than this is renewed before use rather than after a refusal. */
export const SAFE_TOKEN_AGE_MS = 240_000;

/** DocuMine's error body is `{timestamp, message}`; its identity server answers `{error, error_description}`. */
export function docuMineErrorText(body: unknown): string | undefined {
	return errorTextOf(body, (record) =>
		firstText(record.message, record.error_description, record.error),
	);
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
		stale: (credentials) =>
			!!credentials.accessToken &&
			Date.now() - Number(credentials.sessionStartedAt ?? 0) > SAFE_TOKEN_AGE_MS,
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
	return ctx.getNode().credentials?.docuMineOAuth2Api && !ctx.getNode().credentials?.docuMineApi
		? oauth2Profile
		: passwordProfile;
}

const api = vendorApi({
	profile: docuMineProfile,
	baseUrl(ctx, credentials) {
		// The DocuMine URL has no usual address: it is the customer's own instance.
		credentialBaseUrl(
			ctx,
			credentials.url,
			undefined,
			'DocuMine',
			'DocuMine URL',
			'https://yourcompany.documine.ai',
		);
		return apiBaseUrl(credentials);
	},
	// Every call names the workspace.
	prepare: (_ctx, request, _call, credentials) => ({
		...request,
		headers: { 'X-TENANT-ID': String(credentials.workspaceId ?? ''), ...(request.headers ?? {}) },
	}),
});

export const { apiRequest, apiResponse, baseUrl } = api;

export interface ListOptions {
	/** The key DocuMine wraps the list in (`{files: […]}`); a bare array is taken as it is. */
	recordsKey: string;
	qs?: IDataObject;
	itemIndex?: number;
}

/** A whole list: DocuMine sends each unpaged (operations cut it with the shared `applyLimit`). */
export async function apiList(
	ctx: RequestContext,
	path: string,
	{ recordsKey, qs, itemIndex }: ListOptions,
): Promise<IDataObject[]> {
	const body = await apiRequest<IDataObject | IDataObject[]>(ctx, 'GET', path, { itemIndex, qs });
	if (Array.isArray(body)) return body;
	return Array.isArray(body?.[recordsKey]) ? (body[recordsKey] as IDataObject[]) : [];
}

/** The id a create-download answer carries (DocuMine's field name is not public; any known one is taken). */
export function downloadIdOf(body: IDataObject): string | undefined {
	for (const key of FIELDS.downloadIdKeys)
		if (typeof body?.[key] === 'string' || typeof body?.[key] === 'number')
			return String(body[key]);
	return undefined;
}

/** Downloads a ready result package (a ZIP) into binary data, streamed. */
export async function downloadPackage(
	ctx: IExecuteFunctions,
	downloadId: string,
	binaryPropertyName: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const response = await apiResponse<AsyncIterable<Buffer>>(
		ctx,
		'GET',
		PATHS.downloadFile(downloadId),
		{ itemIndex, stream: true },
	);
	const { binary, fileName } = await downloadedBinary(ctx, response, {
		fallbackName: `documine-${downloadId}.zip`,
		mimeType: 'application/zip',
	});
	return {
		json: { downloadId, ...fileFacts(binary), fileName },
		binary: { [binaryPropertyName]: binary },
	};
}
