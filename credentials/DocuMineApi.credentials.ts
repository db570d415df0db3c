import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { tokenPath } from '../nodes/DocuMine/api';

/** Why Keycloak refused a password login, in words a user can act on. */
function loginRefusal(status: number | undefined, body: IDataObject | undefined, workspaceId: string): string {
	const error = String(body?.error ?? '');
	if (status === 404) return `DocuMine has no workspace "${workspaceId}" at this URL (its login realm does not exist). Check the Workspace ID.`;
	if (error === 'invalid_client' || status === 401) return 'DocuMine did not accept the client ID or client secret. Ask DocuMine support for the client of your instance.';
	if (error === 'invalid_grant') return 'DocuMine did not accept the username or password. Use the local DocuMine password (not the single sign-on one).';
	if (error === 'unauthorized_client') return 'This client may not use the password grant. Ask DocuMine support to enable it, or use the DocuMine OAuth2 API credential.';
	return `DocuMine refused the login${status ? ` (HTTP ${status})` : ''}${body?.error_description ? `: ${String(body.error_description)}` : ''}.`;
}

export class DocuMineApi implements ICredentialType {
	name = 'docuMineApi';

	displayName = 'DocuMine API';

	documentationUrl = 'https://docs.documine.ai/1.2/en/103824-introduction-to-documine-rest-apis.html';

	icon: Icon = { light: 'file:../nodes/DocuMine/documine.svg', dark: 'file:../nodes/DocuMine/documine.dark.svg' };

	properties: INodeProperties[] = [
		{ displayName: 'DocuMine URL', name: 'url', type: 'string', default: '', required: true, placeholder: 'https://yourcompany.documine.ai' },
		{ displayName: 'Workspace ID', name: 'workspaceId', type: 'string', default: '', required: true, description: 'The workspace you pick when signing in' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true, description: 'Your DocuMine instance’s client ID (from DocuMine support)' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only if your instance’s client has one',
		},
		{ displayName: 'Username', name: 'username', type: 'string', default: '', required: true, description: 'Preferably a user dedicated to automation' },
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
			placeholder: 'https://yourcompany.documine.ai/auth/realms/WORKSPACE/protocol/openid-connect/token',
			description: 'Leave empty to use DocuMine’s usual address, derived from the URL and the workspace',
		},
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
		{ displayName: 'Session Started At', name: 'sessionStartedAt', type: 'hidden', default: 0 },
	];

	/** Logs in with the password grant; tokens live five minutes, so the nodes log in again as needed. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const base = String(credentials.url ?? '').replace(/\/+$/, '');
		const workspaceId = String(credentials.workspaceId ?? '');
		const url = String(credentials.tokenUrl || `${base}${tokenPath(workspaceId)}`);
		const form = new URLSearchParams({
			grant_type: 'password',
			client_id: String(credentials.clientId ?? ''),
			username: String(credentials.username ?? ''),
			password: String(credentials.password ?? ''),
			scope: 'openid',
		});
		if (credentials.clientSecret) form.set('client_secret', String(credentials.clientSecret));
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: IDataObject };
		if (response.statusCode >= 400 || typeof response.body?.access_token !== 'string') {
			throw new Error(loginRefusal(response.statusCode, response.body, workspaceId));
		}
		return { accessToken: response.body.access_token, sessionStartedAt: Date.now() };
	}

	authenticate = {
		type: 'generic' as const,
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				'X-TENANT-ID': '={{$credentials.workspaceId}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}', url: '/api/dossier-templates' },
	};
}
