import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_API_BASE_PATH, REALM_PREFIXES, tokenPath } from '../nodes/DocuMine/api';

/** Why Keycloak refused a password login, in words a user can act on, naming the URL that answered. */
function loginRefusal(
	status: number | undefined,
	body: IDataObject | undefined,
	url: string,
): string {
	const error = String(body?.error ?? '');
	// Keycloak answers a wrong password with 401 invalid_grant, a wrong client with 401 invalid_client.
	if (error === 'invalid_grant')
		return `DocuMine did not accept the username or password (at ${url}). Use the local DocuMine password, not the single sign-on one.`;
	if (error === 'invalid_client' || status === 401)
		return `DocuMine did not accept the client ID or client secret (at ${url}). Ask DocuMine support for the client of your instance.`;
	if (error === 'unauthorized_client')
		return `This client may not use the password grant (at ${url}). Ask DocuMine support to enable it, or use the DocuMine OAuth2 API credential.`;
	const detail = body?.error_description ? `: ${String(body.error_description)}` : '';
	return `DocuMine refused the login at ${url}${status ? ` (HTTP ${status})` : ''}${detail}`.replace(
		/\.?$/,
		'.',
	);
}

export class DocuMineApi implements ICredentialType {
	name = 'docuMineApi';

	displayName = 'DocuMine API';

	documentationUrl =
		'https://docs.documine.ai/1.2/en/103824-introduction-to-documine-rest-apis.html';

	icon: Icon = {
		light: 'file:../nodes/DocuMine/documine.svg',
		dark: 'file:../nodes/DocuMine/documine.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'DocuMine URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://yourcompany.documine.ai',
		},
		{
			displayName: 'Workspace ID',
			name: 'workspaceId',
			type: 'string',
			default: '',
			required: true,
			description: 'The workspace you pick when signing in',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Your DocuMine instance’s client ID (from DocuMine support)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only if your instance’s client has one',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'Preferably a user dedicated to automation',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The local DocuMine password, not a single sign-on password',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder:
				'https://yourcompany.documine.ai/auth/realms/WORKSPACE/protocol/openid-connect/token',
			description:
				'Leave empty to derive it from the URL and the workspace (tried under /auth/realms/…, then /realms/…). Set it when your DocuMine sign-in server lives elsewhere.',
		},
		{
			displayName: 'API Base Path',
			name: 'apiBasePath',
			type: 'string',
			default: DEFAULT_API_BASE_PATH,
			description:
				'Where DocuMine’s API lives under the DocuMine URL. Change it only if DocuMine support gives you another path.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{ displayName: 'Session Started At', name: 'sessionStartedAt', type: 'hidden', default: 0 },
	];

	/**
	 * Logs in with the password grant; tokens live five minutes, so the nodes log in again as needed.
	 * With no Token URL set, the realm is looked for under `/auth` and, if that answers 404, once at
	 * the root (Keycloak 17 and later).
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const base = String(credentials.url ?? '').replace(/\/+$/, '');
		const workspaceId = String(credentials.workspaceId ?? '');
		const candidates = credentials.tokenUrl
			? [String(credentials.tokenUrl)]
			: REALM_PREFIXES.map((prefix) => `${base}${tokenPath(workspaceId, prefix)}`);
		const form = new URLSearchParams({
			grant_type: 'password',
			client_id: String(credentials.clientId ?? ''),
			username: String(credentials.username ?? ''),
			password: String(credentials.password ?? ''),
			scope: 'openid',
		});
		if (credentials.clientSecret) form.set('client_secret', String(credentials.clientSecret));
		for (const url of candidates) {
			const response = (await this.helpers.httpRequest({
				method: 'POST',
				url,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: form.toString(),
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; body: IDataObject };
			if (response.statusCode < 400 && typeof response.body?.access_token === 'string') {
				return { accessToken: response.body.access_token, sessionStartedAt: Date.now() };
			}
			if (response.statusCode === 404 && url !== candidates[candidates.length - 1]) continue;
			if (response.statusCode === 404) {
				const tried = candidates.join(' or ');
				throw new Error(
					`DocuMine's sign-in server has no realm "${workspaceId}" at ${tried}. Check the Workspace ID, or set the Token URL.`,
				);
			}
			throw new Error(loginRefusal(response.statusCode, response.body, url));
		}
		throw new Error(
			'DocuMine credential: no Token URL to log in at. Set the DocuMine URL and the Workspace ID.',
		);
	}

	/**
	 * The access token and the workspace (tenant) on every request. A function rather than n8n's
	 * generic form: n8n evaluates each field of the generic form as an expression on every request.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: {
			...(requestOptions.headers ?? {}),
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
			'X-TENANT-ID': String(credentials.workspaceId ?? ''),
		},
	});

	test: ICredentialTestRequest = {
		request: {
			// The DocuMine URL and the API base path, joined as nodes/DocuMine/api.ts apiBaseUrl does.
			baseURL:
				'={{$credentials.url.replace(/\\/+$/, "") + String($credentials.apiBasePath ?? "/api").trim().replace(/^\\/*/, "/").replace(/\\/+$/, "")}}',
			url: '/dossier-templates',
		},
	};
}
