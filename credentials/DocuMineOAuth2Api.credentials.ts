import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { realmPath } from '../nodes/DocuMine/api';

// Keycloak: one realm per workspace, on the DocuMine host.
const realm = `{{$self["url"].replace(/\\/+$/, "")}}${realmPath('{{encodeURIComponent($self["workspaceId"])}}')}`;

export class DocuMineOAuth2Api implements ICredentialType {
	name = 'docuMineOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'DocuMine OAuth2 API';

	documentationUrl = 'https://docs.documine.ai/1.2/en/103824-introduction-to-documine-rest-apis.html';

	icon: Icon = { light: 'file:../nodes/DocuMine/documine.svg', dark: 'file:../nodes/DocuMine/documine.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				'DocuMine refresh tokens expire after 30 minutes without use. This credential suits workflows that run at least that often; otherwise use the DocuMine API credential (password grant). DocuMine support must register the OAuth Redirect URL shown above.',
			name: 'refreshNotice',
			type: 'notice',
			default: '',
		},
		{ displayName: 'DocuMine URL', name: 'url', type: 'string', default: '', required: true, placeholder: 'https://yourcompany.documine.ai' },
		{ displayName: 'Workspace ID', name: 'workspaceId', type: 'string', default: '', required: true },
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: `=${realm}/auth` },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: `=${realm}/token` },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'openid' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
