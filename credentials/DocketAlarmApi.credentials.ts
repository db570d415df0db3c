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

/** Appends form fields to an application/x-www-form-urlencoded body string. */
function withFormFields(body: string, fields: Record<string, string>): string {
	const form = new URLSearchParams(body);
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	return form.toString();
}

export class DocketAlarmApi implements ICredentialType {
	name = 'docketAlarmApi';

	displayName = 'Docket Alarm API';

	documentationUrl = 'https://www.docketalarm.com/api/v1/';

	icon: Icon = {
		light: 'file:../nodes/DocketAlarm/docketalarm.svg',
		dark: 'file:../nodes/DocketAlarm/docketalarm.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@firm.com',
			description:
				'The email you sign in to Docket Alarm with. The account needs API access, which Docket Alarm enables on request.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Authentication Method',
			name: 'authMethod',
			type: 'options',
			default: 'loginToken',
			options: [
				{
					name: 'Login Token',
					value: 'loginToken',
					description: 'Log in once and reuse the token until it expires (recommended)',
				},
				{
					name: 'HTTP Basic',
					value: 'basic',
					description: 'Send the username and password with every request',
				},
			],
		},
		{
			displayName: 'Default Client Matter',
			name: 'clientMatter',
			type: 'string',
			default: '',
			description:
				'Billing code (up to 50 characters) used when a node does not set one. Court and PACER fees are billed to it.',
		},
		{
			displayName: 'Test Mode',
			name: 'testMode',
			type: 'boolean',
			default: false,
			description:
				'Whether to use Docket Alarm’s free test bed, which returns fake data and charges nothing',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.docketalarm.com',
			description: 'Change only to reach a proxy or a test server',
		},
		{
			displayName: 'Login Token',
			name: 'loginToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session Started At',
			name: 'sessionStartedAt',
			type: 'hidden',
			default: 0,
		},
	];

	/** Logs in once; n8n stores the token and calls this again when the token is emptied or refused. */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		if (credentials.authMethod === 'basic') return {};
		const baseUrl = String(credentials.baseUrl || 'https://www.docketalarm.com').replace(
			/\/+$/,
			'',
		);
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/api/v1/login/`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: withFormFields('', {
				username: String(credentials.username ?? ''),
				password: String(credentials.password ?? ''),
				...(credentials.testMode ? { test: 'true' } : {}),
			}),
			json: true,
		})) as { success?: boolean; login_token?: string; error?: string };
		if (!response?.success || !response.login_token) {
			// The vendor's reason ends a sentence of its own ("Invalid username or password.").
			const reason = (
				typeof response?.error === 'string' ? response.error : 'no login token was returned'
			)
				.trim()
				.replace(/[\s.]+$/, '');
			throw new Error(
				`Docket Alarm refused the login: ${reason}. Check the username and password, and that API access is enabled for the account.`,
			);
		}
		return { loginToken: response.login_token, sessionStartedAt: Date.now() };
	}

	/**
	 * Adds the token (or Basic credentials) and the test flag to every request. A property, not a
	 * method: n8n offers "Custom API Call" (an HTTP Request with this credential) only for credential
	 * types with an own `authenticate`.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const options: IHttpRequestOptions = {
			...requestOptions,
			qs: { ...(requestOptions.qs ?? {}) },
		};
		const fields: Record<string, string> = {};
		if (credentials.testMode) fields.test = 'true';
		if (credentials.authMethod === 'basic') {
			options.auth = {
				username: String(credentials.username),
				password: String(credentials.password),
			};
		} else {
			fields.login_token = String(credentials.loginToken ?? '');
		}
		Object.assign(options.qs!, fields);
		// The guide asks for the token as a query parameter; its POST examples also put it in the form.
		if (typeof options.body === 'string' && Object.keys(fields).length)
			options.body = withFormFields(options.body, fields);
		return options;
	};

	test: ICredentialTestRequest = {
		request: {
			// An empty Base URL means the usual address, as in the nodes.
			baseURL:
				'={{String($credentials.baseUrl || "https://www.docketalarm.com").trim().replace(/\\/+$/, "")}}',
			url: '/api/v1/track/',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message:
						'Docket Alarm answered with an error. Check the username, password and that API access is enabled.',
				},
			},
		],
	};
}
