import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { DEFAULT_API_BASE_PATH, realmPath } from '../nodes/DocuMine/api';

// Keycloak: one realm per workspace, on the DocuMine host (under /auth, as DocuMine documents it).
const realm = `{{$self["url"].replace(/\\/+$/, "")}}${realmPath('{{encodeURIComponent($self["workspaceId"])}}')}`;

export class DocuMineOAuth2Api implements ICredentialType {
	name = 'docuMineOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'DocuMine OAuth2 API';

	documentationUrl =
		'https://docs.documine.ai/1.2/en/103824-introduction-to-documine-rest-apis.html';

	icon: Icon = {
		light: 'file:../nodes/DocuMine/documine.svg',
		dark: 'file:../nodes/DocuMine/documine.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				'DocuMine refresh tokens expire after 30 minutes without use. This credential suits workflows that run at least that often; otherwise use the DocuMine API credential (password grant). DocuMine support must register the OAuth Redirect URL shown above.',
			name: 'refreshNotice',
			type: 'notice',
			default: '',
		},
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
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: `=${realm}/auth`,
			required: true,
			description:
				'Derived from the DocuMine URL and the workspace. If your sign-in server serves realms without /auth (Keycloak 17 and later), remove /auth here and in the Access Token URL.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: `=${realm}/token`,
			required: true,
			description:
				'Derived from the DocuMine URL and the workspace; change it together with the Authorization URL',
		},
		{
			displayName: 'API Base Path',
			name: 'apiBasePath',
			type: 'string',
			default: DEFAULT_API_BASE_PATH,
			description:
				'Where DocuMine’s API lives under the DocuMine URL. Change it only if DocuMine support gives you another path.',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'openid' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
