import nock from 'nock';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DocuMineOAuth2Api } from '../../../credentials/DocuMineOAuth2Api.credentials';
import { binaryItem } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import {
	FILES,
	PASSWORD,
	passwordCredential,
	runDocuMine,
	T1,
	TOKEN_PATH,
	URL_,
	where,
	WORKSPACE,
} from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocuMine sign-in', () => {
	it('logs in once with the password grant and sends the token and the tenant on every call', async () => {
		const logins = capture(nock(URL_).post(TOKEN_PATH), 200, {
			access_token: 'tok-A',
			expires_in: 300,
			refresh_token: 'r',
			refresh_expires_in: 1800,
		});
		const calls = capture(nock(URL_).get('/api/dossier-templates').times(2), 200, {
			dossierTemplates: [{ id: T1, name: 'Studies', status: 'ACTIVE' }],
		});
		const { output } = await runDocuMine(
			{ resource: 'dossierTemplate', operation: 'getAll', returnAll: true },
			{ credentials: passwordCredential(), items: [{ json: {} }, { json: {} }] },
		);
		expect(logins).toHaveLength(1);
		expect(logins[0].form).toEqual({
			grant_type: ['password'],
			client_id: ['dm-client'],
			username: ['robot'],
			password: [PASSWORD],
			scope: ['openid'],
		});
		for (const call of calls) {
			expect(call.headers.authorization).toBe('Bearer tok-A');
			expect(call.headers['x-tenant-id']).toBe(WORKSPACE);
		}
		expect(output.map((item) => item.json.id)).toEqual([T1, T1]);
	});

	// A credential without a token yet: n8n-core runs its preAuthentication (the login) first.
	const logIn = async (extra: ICredentialDataDecryptedObject = {}) =>
		(
			await runDocuMine(
				{ resource: 'user', operation: 'getAll', returnAll: true },
				{ credentials: passwordCredential(extra) },
			)
		).credentials.data.docuMineApi;

	it.each([
		[
			400,
			{ error: 'invalid_grant' },
			`did not accept the username or password (at ${URL_}${TOKEN_PATH})`,
		],
		// Keycloak answers a wrong password with 401 invalid_grant: it must not be blamed on the client.
		[
			401,
			{ error: 'invalid_grant', error_description: 'Invalid user credentials' },
			'did not accept the username or password',
		],
		[401, { error: 'invalid_client' }, 'did not accept the client ID or client secret'],
		[400, { error: 'unauthorized_client' }, 'may not use the password grant'],
		[
			500,
			{ error_description: 'boom.' },
			`refused the login at ${URL_}${TOKEN_PATH} (HTTP 500): boom.`,
		],
	])('explains a refused login (HTTP %i %j), naming the URL', async (status, body, message) => {
		nock(URL_).post(TOKEN_PATH).reply(status, body);
		await expect(logIn()).rejects.toThrow(message);
	});

	it('tries the realm without /auth once when /auth answers 404 (Keycloak 17 and later)', async () => {
		nock(URL_).post(TOKEN_PATH).reply(404, { error: 'Realm does not exist' });
		const root = capture(
			nock(URL_).post(`/realms/${WORKSPACE}/protocol/openid-connect/token`),
			200,
			{ access_token: 'tok-root' },
		);
		nock(URL_)
			.get('/api/users')
			.matchHeader('authorization', 'Bearer tok-root')
			.reply(200, { users: [] });
		await expect(logIn()).resolves.toMatchObject({ accessToken: 'tok-root' });
		expect(root).toHaveLength(1);
	});

	it('names both URLs it tried when neither has the realm, and blames no workspace it cannot know', async () => {
		nock(URL_).post(TOKEN_PATH).reply(404, { error: 'Realm does not exist' });
		nock(URL_).post(`/realms/${WORKSPACE}/protocol/openid-connect/token`).reply(404, 'Not Found');
		await expect(logIn()).rejects.toThrow(
			`no realm "${WORKSPACE}" at ${URL_}${TOKEN_PATH} or ${URL_}/realms/${WORKSPACE}/protocol/openid-connect/token. Check the Workspace ID, or set the Token URL.`,
		);
	});

	it('logs in at the Token URL the user set, and only there', async () => {
		const custom = capture(
			nock('https://sso.acme.test').post('/kc/realms/acme/protocol/openid-connect/token'),
			404,
			{},
		);
		await expect(
			logIn({ tokenUrl: 'https://sso.acme.test/kc/realms/acme/protocol/openid-connect/token' }),
		).rejects.toThrow('at https://sso.acme.test/kc/realms/acme/protocol/openid-connect/token');
		expect(custom).toHaveLength(1);
	});

	it('calls the API under the base path the credential sets', async () => {
		const calls = capture(nock(URL_).get('/documine/v2/users'), 200, { users: [{ id: 'u1' }] });
		const { output } = await runDocuMine(
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{
				credentials: passwordCredential({
					accessToken: 'tok-1',
					sessionStartedAt: Date.now(),
					apiBasePath: '/documine/v2/',
				}),
			},
		);
		expect(calls).toHaveLength(1);
		expect(output[0].json).toMatchObject({ id: 'u1' });
	});

	it('renews a five-minute token that is about to expire before using it', async () => {
		const logins = capture(nock(URL_).post(TOKEN_PATH), 200, { access_token: 'tok-B' });
		const calls = capture(nock(URL_).get('/api/users'), 200, { users: [] });
		await runDocuMine(
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{
				credentials: passwordCredential({
					accessToken: 'tok-old',
					sessionStartedAt: Date.now() - 250_000,
				}),
			},
		);
		expect(logins).toHaveLength(1);
		expect(calls[0].headers.authorization).toBe('Bearer tok-B');
	});

	it('re-sends a whole upload after the token expired during it, once logged in again', async () => {
		const content = Buffer.alloc(80_000, 9);
		const refused = capture(
			nock(URL_).post(FILES).matchHeader('authorization', 'Bearer tok-1'),
			401,
			{ message: 'Token expired' },
		);
		const logins = capture(nock(URL_).post(TOKEN_PATH), 200, { access_token: 'tok-2' });
		const accepted = capture(
			nock(URL_).post(FILES).matchHeader('authorization', 'Bearer tok-2'),
			200,
			{ id: 'F-1', filename: 'study.pdf' },
		);
		const { output } = await runDocuMine(
			{ resource: 'file', operation: 'upload', ...where, binaryPropertyName: 'data' },
			{ items: [binaryItem(content, 'study.pdf', 'application/pdf')] },
		);
		expect(refused).toHaveLength(1);
		expect(logins).toHaveLength(1);
		expect(accepted[0].multipart!.files[0].content.equals(content)).toBe(true);
		expect(output[0].json.id).toBe('F-1');
	});

	it('uses the OAuth2 credential with the tenant header, refreshing at the workspace realm', async () => {
		const credentials = {
			docuMineOAuth2Api: {
				url: URL_,
				workspaceId: WORKSPACE,
				clientId: 'c',
				clientSecret: 's',
				oauthTokenData: { access_token: 'oa-1', refresh_token: 'rf-1' },
			},
		};
		nock(URL_)
			.get('/api/users')
			.matchHeader('authorization', 'Bearer oa-1')
			.times(2)
			.reply(401, { message: 'expired' });
		const refresh = capture(nock(URL_).post(TOKEN_PATH), 200, {
			access_token: 'oa-2',
			refresh_token: 'rf-2',
		});
		const call = capture(
			nock(URL_).get('/api/users').matchHeader('authorization', 'Bearer oa-2'),
			200,
			[{ id: 'u1' }],
		);
		const { output } = await runDocuMine(
			{ authentication: 'oAuth2', resource: 'user', operation: 'getAll', returnAll: true },
			{ credentials },
		);
		expect(refresh[0].form!.grant_type).toEqual(['refresh_token']);
		expect(call[0].headers['x-tenant-id']).toBe(WORKSPACE);
		expect(output[0].json).toEqual({ id: 'u1' });
	});

	it('offers the OAuth2 URLs as fields a user can change, and refreshes at the one set', async () => {
		const fields = Object.fromEntries(
			new DocuMineOAuth2Api().properties.map((property) => [property.name, property]),
		);
		for (const name of ['authUrl', 'accessTokenUrl', 'apiBasePath'])
			expect(fields[name].type).toBe('string');
		expect(String(fields.accessTokenUrl.default)).toContain('/auth/realms/');
		const tokenUrl = `${URL_}/realms/${WORKSPACE}/protocol/openid-connect/token`;
		const credentials = {
			docuMineOAuth2Api: {
				url: URL_,
				workspaceId: WORKSPACE,
				clientId: 'c',
				clientSecret: 's',
				accessTokenUrl: tokenUrl,
				oauthTokenData: { access_token: 'oa-1', refresh_token: 'rf-1' },
			},
		};
		nock(URL_)
			.get('/api/users')
			.matchHeader('authorization', 'Bearer oa-1')
			.times(2)
			.reply(401, { message: 'expired' });
		const refresh = capture(
			nock(URL_).post(`/realms/${WORKSPACE}/protocol/openid-connect/token`),
			200,
			{ access_token: 'oa-2', refresh_token: 'rf-2' },
		);
		nock(URL_)
			.get('/api/users')
			.matchHeader('authorization', 'Bearer oa-2')
			.reply(200, [{ id: 'u1' }]);
		await runDocuMine(
			{ authentication: 'oAuth2', resource: 'user', operation: 'getAll', returnAll: true },
			{ credentials },
		);
		expect(refresh).toHaveLength(1);
	});
});

describe('DocuMine sign-in: a renewed token that dies before it is used', () => {
	it('renews once more when the new token is refused too, and reports a third refusal', async () => {
		const refusals = capture(nock(URL_).get('/api/users').times(2), 401, {
			message: 'Token is not active',
		});
		const logins = capture(nock(URL_).post(TOKEN_PATH).times(2), 200, { access_token: 'tok-N' });
		capture(nock(URL_).get('/api/users'), 200, { users: [{ id: 'u1' }] });
		const { output } = await runDocuMine(
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{ credentials: passwordCredential({ accessToken: 'tok-old', sessionStartedAt: Date.now() }) },
		);
		expect(refusals).toHaveLength(2);
		expect(logins).toHaveLength(2);
		expect(output.map((item) => item.json.id)).toEqual(['u1']);

		const always = capture(nock(URL_).get('/api/users').times(3), 401, {
			message: 'Token is not active',
		});
		capture(nock(URL_).post(TOKEN_PATH).times(2), 200, { access_token: 'tok-M' });
		await expect(
			runDocuMine(
				{ resource: 'user', operation: 'getAll', returnAll: true },
				{
					credentials: passwordCredential({ accessToken: 'tok-old', sessionStartedAt: Date.now() }),
				},
			),
		).rejects.toThrow('DocuMine did not accept the credentials (HTTP 401)');
		expect(always).toHaveLength(3);
	});
});
