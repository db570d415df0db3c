import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

const DEFAULT_URL = 'https://app.docketwise.com';
// Docketwise serves the app, OAuth and the API from one host; tests and proxies may use another.
const host = `{{$self["useCustomUrl"] ? $self["customUrl"].replace(/\\/+$/, "") : "${DEFAULT_URL}"}}`;

export class DocketwiseOAuth2Api implements ICredentialType {
	name = 'docketwiseOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Docketwise OAuth2 API';

	documentationUrl = 'https://docketwise.gitbook.io/docketwise-api-docs';

	icon: Icon = {
		light: 'file:../nodes/Docketwise/docketwise.svg',
		dark: 'file:../nodes/Docketwise/docketwise.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				'Docketwise issues API clients on request: email dev@docketwise.com (subject "API integration") with the OAuth Redirect URL shown above, and enter the Client ID and Secret they send.',
			name: 'clientNotice',
			type: 'notice',
			default: '',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `=${host}/oauth/authorize`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `=${host}/oauth/token`,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'public write' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			displayName: 'Use a Custom URL',
			name: 'useCustomUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether to reach Docketwise through another address (a proxy or a test server) instead of app.docketwise.com',
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: DEFAULT_URL,
			displayOptions: { show: { useCustomUrl: [true] } },
			description: 'Serves /oauth/authorize, /oauth/token and /api/v1',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 120,
			description:
				'The pace the nodes keep so Docketwise never has to refuse a call. Docketwise allows 120 a minute per connection; change it only if Docketwise set another limit for your firm, or for a test server.',
		},
	];
}
