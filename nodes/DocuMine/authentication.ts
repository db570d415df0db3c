import type { INodeProperties } from 'n8n-workflow';

/** The two ways to sign in, offered by both DocuMine nodes. */
export const authenticationParameter: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	default: 'password',
	options: [
		{
			name: 'Username and Password',
			value: 'password',
			description: 'The password grant; works for workflows that run rarely',
		},
		{
			name: 'OAuth2',
			value: 'oAuth2',
			description: 'Sign in through DocuMine’s login page; needs a run at least every 30 minutes',
		},
	],
};
