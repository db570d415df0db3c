import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class DocJurisApi implements ICredentialType {
	name = 'docJurisApi';

	displayName = 'DocJuris API';

	documentationUrl = 'https://support.docjuris.com/hc/en-us/articles/4410284847245-API-Guide';

	icon: Icon = {
		light: 'file:../nodes/DocJuris/docjuris.svg',
		dark: 'file:../nodes/DocJuris/docjuris.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Organization (Account) ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description:
				'In DocJuris, open Settings, then the Organization tab, and copy the Organization ID. The API calls it the account ID.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Generated in DocJuris under Settings, Organization tab. Only an IT Administrator can create or rotate keys.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.docjuris.com/v1',
			description: 'Change only to reach a sandbox, a proxy or a test server',
		},
	];

	/**
	 * Basic authentication with the account ID and API key on every request. A function rather than
	 * n8n's generic form: n8n evaluates each field of the generic form as an expression on every
	 * request, which for cheap calls (10,000 contract reads) is a measurable part of each item.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		auth: {
			username: String(credentials.accountId ?? ''),
			password: String(credentials.apiKey ?? ''),
		},
	});

	test: ICredentialTestRequest = {
		request: {
			// An empty Base URL means the usual address, as in the nodes.
			baseURL:
				'={{String($credentials.baseUrl || "https://api.docjuris.com/v1").trim().replace(/\\/+$/, "")}}',
			url: '/contractTypes',
			qs: { take: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'DocJuris did not accept this Organization ID and API key. Copy both again from Settings > Organization in DocJuris; a regenerated key replaces the old one.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'DocJuris refused this API key. Ask an IT Administrator to check that API access is enabled for your organization.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No DocJuris API answers at this Base URL. It should end in /v1, e.g. https://api.docjuris.com/v1.',
				},
			},
		],
	};
}
