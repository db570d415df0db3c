import nock from 'nock';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { DocuMineOAuth2Api } from '../../../credentials/DocuMineOAuth2Api.credentials';
import { binaryContent, binaryItem, nodeContexts } from '../../helpers/engine';
import { capture } from '../../helpers/nockRequests';
import { D1, freshToken, PASSWORD, passwordCredential, runDocuMine, T1, TOKEN_PATH, URL_, where, WORKSPACE } from './harness';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => undefined) }));

const FILES = `/api/dossier-templates/${T1}/dossiers/${D1}/files`;

describe('DocuMine sign-in', () => {
	it('logs in once with the password grant and sends the token and the tenant on every call', async () => {
		const logins = capture(nock(URL_).post(TOKEN_PATH), 200, { access_token: 'tok-A', expires_in: 300, refresh_token: 'r', refresh_expires_in: 1800 });
		const calls = capture(nock(URL_).get('/api/dossier-templates').times(2), 200, { dossierTemplates: [{ id: T1, name: 'Studies', status: 'ACTIVE' }] });
		const { output } = await runDocuMine({ resource: 'dossierTemplate', operation: 'getAll', returnAll: true }, { credentials: passwordCredential(), items: [{ json: {} }, { json: {} }] });
		expect(logins).toHaveLength(1);
		expect(logins[0].form).toEqual({ grant_type: ['password'], client_id: ['dm-client'], username: ['robot'], password: [PASSWORD], scope: ['openid'] });
		for (const call of calls) {
			expect(call.headers.authorization).toBe('Bearer tok-A');
			expect(call.headers['x-tenant-id']).toBe(WORKSPACE);
		}
		expect(output.map((item) => item.json.id)).toEqual([T1, T1]);
	});

	// A credential without a token yet: n8n-core runs its preAuthentication (the login) first.
	const logIn = async (extra: ICredentialDataDecryptedObject = {}) =>
		(await runDocuMine({ resource: 'user', operation: 'getAll', returnAll: true }, { credentials: passwordCredential(extra) })).credentials.data.docuMineApi;

	it.each([
		[400, { error: 'invalid_grant' }, `did not accept the username or password (at ${URL_}${TOKEN_PATH})`],
		// Keycloak answers a wrong password with 401 invalid_grant: it must not be blamed on the client.
		[401, { error: 'invalid_grant', error_description: 'Invalid user credentials' }, 'did not accept the username or password'],
		[401, { error: 'invalid_client' }, 'did not accept the client ID or client secret'],
		[400, { error: 'unauthorized_client' }, 'may not use the password grant'],
		[500, { error_description: 'boom.' }, `refused the login at ${URL_}${TOKEN_PATH} (HTTP 500): boom.`],
	])('explains a refused login (HTTP %i %j), naming the URL', async (status, body, message) => {
		nock(URL_).post(TOKEN_PATH).reply(status, body);
		await expect(logIn()).rejects.toThrow(message);
	});

	it('tries the realm without /auth once when /auth answers 404 (Keycloak 17 and later)', async () => {
		nock(URL_).post(TOKEN_PATH).reply(404, { error: 'Realm does not exist' });
		const root = capture(nock(URL_).post(`/realms/${WORKSPACE}/protocol/openid-connect/token`), 200, { access_token: 'tok-root' });
		nock(URL_).get('/api/users').matchHeader('authorization', 'Bearer tok-root').reply(200, { users: [] });
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
		const custom = capture(nock('https://sso.acme.test').post('/kc/realms/acme/protocol/openid-connect/token'), 404, {});
		await expect(logIn({ tokenUrl: 'https://sso.acme.test/kc/realms/acme/protocol/openid-connect/token' })).rejects.toThrow('at https://sso.acme.test/kc/realms/acme/protocol/openid-connect/token');
		expect(custom).toHaveLength(1);
	});

	it('calls the API under the base path the credential sets', async () => {
		const calls = capture(nock(URL_).get('/documine/v2/users'), 200, { users: [{ id: 'u1' }] });
		const { output } = await runDocuMine({ resource: 'user', operation: 'getAll', returnAll: true }, { credentials: passwordCredential({ accessToken: 'tok-1', sessionStartedAt: Date.now(), apiBasePath: '/documine/v2/' }) });
		expect(calls).toHaveLength(1);
		expect(output[0].json).toMatchObject({ id: 'u1' });
	});

	it('renews a five-minute token that is about to expire before using it', async () => {
		const logins = capture(nock(URL_).post(TOKEN_PATH), 200, { access_token: 'tok-B' });
		const calls = capture(nock(URL_).get('/api/users'), 200, { users: [] });
		await runDocuMine({ resource: 'user', operation: 'getAll', returnAll: true }, { credentials: passwordCredential({ accessToken: 'tok-old', sessionStartedAt: Date.now() - 250_000 }) });
		expect(logins).toHaveLength(1);
		expect(calls[0].headers.authorization).toBe('Bearer tok-B');
	});

	it('re-sends a whole upload after the token expired during it, once logged in again', async () => {
		const content = Buffer.alloc(80_000, 9);
		const refused = capture(nock(URL_).post(FILES).matchHeader('authorization', 'Bearer tok-1'), 401, { message: 'Token expired' });
		const logins = capture(nock(URL_).post(TOKEN_PATH), 200, { access_token: 'tok-2' });
		const accepted = capture(nock(URL_).post(FILES).matchHeader('authorization', 'Bearer tok-2'), 200, { id: 'F-1', filename: 'study.pdf' });
		const { output } = await runDocuMine({ resource: 'file', operation: 'upload', ...where, binaryPropertyName: 'data' }, { items: [binaryItem(content, 'study.pdf', 'application/pdf')] });
		expect(refused).toHaveLength(1);
		expect(logins).toHaveLength(1);
		expect(accepted[0].multipart!.files[0].content.equals(content)).toBe(true);
		expect(output[0].json.id).toBe('F-1');
	});

	it('uses the OAuth2 credential with the tenant header, refreshing at the workspace realm', async () => {
		const credentials = { docuMineOAuth2Api: { url: URL_, workspaceId: WORKSPACE, clientId: 'c', clientSecret: 's', oauthTokenData: { access_token: 'oa-1', refresh_token: 'rf-1' } } };
		nock(URL_).get('/api/users').matchHeader('authorization', 'Bearer oa-1').times(2).reply(401, { message: 'expired' });
		const refresh = capture(nock(URL_).post(TOKEN_PATH), 200, { access_token: 'oa-2', refresh_token: 'rf-2' });
		const call = capture(nock(URL_).get('/api/users').matchHeader('authorization', 'Bearer oa-2'), 200, [{ id: 'u1' }]);
		const { output } = await runDocuMine({ authentication: 'oAuth2', resource: 'user', operation: 'getAll', returnAll: true }, { credentials });
		expect(refresh[0].form!.grant_type).toEqual(['refresh_token']);
		expect(call[0].headers['x-tenant-id']).toBe(WORKSPACE);
		expect(output[0].json).toEqual({ id: 'u1' });
	});

	it('offers the OAuth2 URLs as fields a user can change, and refreshes at the one set', async () => {
		const fields = Object.fromEntries(new DocuMineOAuth2Api().properties.map((property) => [property.name, property]));
		for (const name of ['authUrl', 'accessTokenUrl', 'apiBasePath']) expect(fields[name].type).toBe('string');
		expect(String(fields.accessTokenUrl.default)).toContain('/auth/realms/');
		const tokenUrl = `${URL_}/realms/${WORKSPACE}/protocol/openid-connect/token`;
		const credentials = { docuMineOAuth2Api: { url: URL_, workspaceId: WORKSPACE, clientId: 'c', clientSecret: 's', accessTokenUrl: tokenUrl, oauthTokenData: { access_token: 'oa-1', refresh_token: 'rf-1' } } };
		nock(URL_).get('/api/users').matchHeader('authorization', 'Bearer oa-1').times(2).reply(401, { message: 'expired' });
		const refresh = capture(nock(URL_).post(`/realms/${WORKSPACE}/protocol/openid-connect/token`), 200, { access_token: 'oa-2', refresh_token: 'rf-2' });
		nock(URL_).get('/api/users').matchHeader('authorization', 'Bearer oa-2').reply(200, [{ id: 'u1' }]);
		await runDocuMine({ authentication: 'oAuth2', resource: 'user', operation: 'getAll', returnAll: true }, { credentials });
		expect(refresh).toHaveLength(1);
	});
});

describe('DocuMine files and waits', () => {
	it('uploads and waits for processing through unknown intermediate statuses', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		nock(URL_).post(FILES).query({ keepManualChanges: 'true' }).reply(200, { id: 'F-7', processingStatus: 'UNPROCESSED' });
		for (const status of ['OCR_PROCESSING', 'SOMETHING_NEW', 'PROCESSED']) nock(URL_).get(`${FILES}/F-7`).reply(200, { id: 'F-7', processingStatus: status });
		const { output } = await runDocuMine(
			{ resource: 'file', operation: 'upload', ...where, binaryPropertyName: 'data', keepManualChanges: true, waitForProcessing: true, pollInterval: 2, timeout: 60 },
			{ items: [binaryItem('pdf', 'a.pdf', 'application/pdf')] },
		);
		expect(output[0].json).toEqual({ id: 'F-7', processingStatus: 'PROCESSED' });
		expect(sleep).toHaveBeenCalledWith(2000);
	});

	it('uploads every file first, then waits for all of them together, each item getting its own result', async () => {
		const order: string[] = [];
		nock(URL_).post(FILES).times(3).reply(() => {
			order.push('upload');
			return [200, { id: `F-${order.length}`, processingStatus: 'UNPROCESSED' }];
		});
		// F-1 finishes on the second round, F-2 fails, F-3 on the first round.
		const reads = new Map<string, number>();
		nock(URL_).get(/\/files\/F-\d$/).times(4).reply((uri) => {
			const id = uri.split('/').pop()!;
			order.push(`read ${id}`);
			reads.set(id, (reads.get(id) ?? 0) + 1);
			const status = id === 'F-2' ? 'ERROR' : id === 'F-3' || reads.get(id)! > 1 ? 'PROCESSED' : 'OCR_PROCESSING';
			return [200, { id, processingStatus: status }];
		});
		const items = ['a.pdf', 'b.pdf', 'c.pdf'].map((name) => binaryItem(name, name, 'application/pdf'));
		const { output } = await runDocuMine(
			{ resource: 'file', operation: 'upload', ...where, binaryPropertyName: 'data', waitForProcessing: true, pollInterval: 2, timeout: 60 },
			{ items, continueOnFail: true },
		);
		expect(order.slice(0, 3)).toEqual(['upload', 'upload', 'upload']);
		expect(order.slice(3, 6).sort()).toEqual(['read F-1', 'read F-2', 'read F-3']);
		expect(order.slice(6)).toEqual(['read F-1']);
		expect(output.map((item) => item.json)).toEqual([
			{ id: 'F-1', processingStatus: 'PROCESSED' },
			{ error: 'DocuMine could not process b.pdf: status ERROR [item 1]', errorDetails: 'Check the file in DocuMine (format, licence for Office files, reprocessing).' },
			{ id: 'F-3', processingStatus: 'PROCESSED' },
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('waits for many files of one dossier by reading its file list once a round, not each file', async () => {
		let uploads = 0;
		nock(URL_).post(FILES).times(6).reply(() => [200, { id: `F-${++uploads}`, processingStatus: 'UNPROCESSED' }]);
		// F-6 finishes one round later than the others; by then it waits alone, so it is read by itself.
		const lists = capture(nock(URL_).get(FILES), 200, {
			files: [...Array.from({ length: 6 }, (_, index) => ({ id: `F-${index + 1}`, processingStatus: index < 5 ? 'PROCESSED' : 'ANALYSE' })), { id: 'F-OTHER', processingStatus: 'ERROR' }],
		});
		const single = capture(nock(URL_).get(`${FILES}/F-6`), 200, { id: 'F-6', processingStatus: 'PROCESSED' });
		const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}.pdf`);
		const { output } = await runDocuMine(
			{ resource: 'file', operation: 'upload', ...where, binaryPropertyName: 'data', waitForProcessing: true, pollInterval: 2, timeout: 60 },
			{ items: names.map((name) => binaryItem(name, name, 'application/pdf')) },
		);
		expect(lists).toHaveLength(1);
		expect(single).toHaveLength(1);
		expect(output.map((item) => item.json)).toEqual(names.map((_, index) => ({ id: `F-${index + 1}`, processingStatus: 'PROCESSED' })));
	});

	it('fails naming the file and its status when processing errs or takes too long', async () => {
		nock(URL_).post(FILES).reply(200, { id: 'F-8' });
		nock(URL_).get(`${FILES}/F-8`).reply(200, { id: 'F-8', processingStatus: 'ERROR' });
		await expect(
			runDocuMine({ resource: 'file', operation: 'upload', ...where, binaryPropertyName: 'data', waitForProcessing: true, pollInterval: 1, timeout: 5 }, { items: [binaryItem('x', 'bad.pdf')] }),
		).rejects.toThrow('DocuMine could not process bad.pdf: status ERROR [item 0]');

		nock(URL_).post(FILES).reply(200, { id: 'F-9' });
		nock(URL_).get(`${FILES}/F-9`).reply(200, { id: 'F-9', processingStatus: 'ANALYSE' });
		const timedOut = await runDocuMine(
			{ resource: 'file', operation: 'upload', ...where, binaryPropertyName: 'data', waitForProcessing: true, pollInterval: 1, timeout: 0.001 },
			{ items: [binaryItem('x', 'slow.pdf')] },
		).catch((caught) => caught);
		expect(timedOut.message).toBe('Timed out waiting for the processing of slow.pdf: F-9 (ANALYSE) [item 0]');
		expect(timedOut.description).toBe('Still unfinished after 0 s. Raise "Timeout" or check the processing of slow.pdf in DocuMine.');
	});

	it('lists, gets and deletes files', async () => {
		nock(URL_).get(FILES).reply(200, { files: [{ id: 'F-1' }, { id: 'F-2' }] });
		expect((await runDocuMine({ resource: 'file', operation: 'getAll', ...where, returnAll: false, limit: 1 })).output).toHaveLength(1);
		nock(URL_).delete(`${FILES}/F-1`).reply(204);
		expect((await runDocuMine({ resource: 'file', operation: 'delete', ...where, fileId: 'F-1' })).output[0].json).toEqual({ id: 'F-1', deleted: true });
	});
});

describe('DocuMine components and result packages', () => {
	it('returns components as they come or flattened to name → value', async () => {
		const components = { components: [{ name: 'Study Title', values: [{ value: 'Acute toxicity' }] }, { name: 'Species', values: ['Rat', 'Mouse'] }, { name: 'Guideline', value: 'OECD 423' }] };
		nock(URL_).get(`${FILES}/F-1/components`).times(2).reply(200, components);
		const raw = await runDocuMine({ resource: 'component', operation: 'get', ...where, fileId: 'F-1', format: 'json', flatten: false });
		expect(raw.output[0].json).toEqual({ fileId: 'F-1', ...components });
		const flat = await runDocuMine({ resource: 'component', operation: 'get', ...where, fileId: 'F-1', format: 'json', flatten: true });
		expect(flat.output[0].json).toEqual({ fileId: 'F-1', 'Study Title': 'Acute toxicity', Species: ['Rat', 'Mouse'], Guideline: 'OECD 423' });
	});

	it('exports components as an XML file', async () => {
		const xml = capture(nock(URL_).get(`${FILES}/F-1/components`), 200, '<components/>', { 'Content-Type': 'application/xml' });
		const { output } = await runDocuMine({ resource: 'component', operation: 'get', ...where, fileId: 'F-1', format: 'xml', binaryPropertyName: 'xml' });
		expect(xml[0].headers.accept).toBe('application/xml');
		expect(binaryContent(output[0], 'xml').toString()).toBe('<components/>');
	});

	it('builds a dossier package, waits until READY, downloads the ZIP and deletes it', async () => {
		const created = capture(nock(URL_).post(`/api/dossier-templates/${T1}/dossiers/${D1}/create-download`), 200, { downloadId: 'P-1' });
		nock(URL_).get('/api/downloads/P-1').reply(200, { id: 'P-1', status: 'QUEUED' });
		nock(URL_).get('/api/downloads/P-1').reply(200, { id: 'P-1', status: 'READY', filename: 'package.zip' });
		nock(URL_).get('/api/downloads/P-1/file').reply(200, Buffer.from('PK\u0003\u0004zip'), { 'Content-Disposition': 'attachment; filename="Dossier 1.zip"' });
		const removed = capture(nock(URL_).delete('/api/downloads/P-1'), 204, '');
		const { output } = await runDocuMine({ resource: 'resultPackage', operation: 'create', ...where, scope: 'dossier', reportTemplateIds: 'R-1, R-2', waitAndDownload: true, pollInterval: 1, timeout: 60, binaryPropertyName: 'data' });
		expect(created[0].json).toEqual({ reportTemplateIds: ['R-1', 'R-2'] });
		expect(removed).toHaveLength(1);
		expect(output[0].binary!.data).toMatchObject({ fileName: 'Dossier 1.zip', mimeType: 'application/zip' });
		expect(output[0].json).toMatchObject({ downloadId: 'P-1', status: 'READY', deletedFromDocuMine: true });
	});

	it('creates a package for chosen files without waiting', async () => {
		const created = capture(nock(URL_).post(`${FILES}/bulk/create-download`), 200, { id: 'P-2', status: 'QUEUED' });
		const { output } = await runDocuMine({ resource: 'resultPackage', operation: 'create', ...where, scope: 'files', fileIds: 'F-1,F-2', reportTemplateIds: '', waitAndDownload: false });
		expect(created[0].json).toEqual({ fileIds: ['F-1', 'F-2'] });
		expect(output[0].json).toEqual({ id: 'P-2', status: 'QUEUED', downloadId: 'P-2' });
	});
});

describe('DocuMine dossiers, users and licence', () => {
	it('creates and updates a dossier, sending the whole record back on update', async () => {
		const created = capture(nock(URL_).post(`/api/dossier-templates/${T1}/dossiers`), 200, { id: D1, name: 'Study 42' });
		await runDocuMine({ resource: 'dossier', operation: 'create', templateId: where.templateId, name: 'Study 42', additionalFields: { description: 'Tox', ownerId: 'u1', memberIds: ['u2'] } });
		expect(created[0].json).toEqual({ name: 'Study 42', description: 'Tox', ownerId: 'u1', memberIds: ['u2'] });

		nock(URL_).get(`/api/dossier-templates/${T1}/dossiers/${D1}`).reply(200, { id: D1, name: 'Study 42', description: 'Tox' });
		const updated = capture(nock(URL_).put(`/api/dossier-templates/${T1}/dossiers/${D1}`), 200, { id: D1 });
		await runDocuMine({ resource: 'dossier', operation: 'update', ...where, updateFields: { name: 'Study 43' } });
		expect(updated[0].json).toEqual({ id: D1, name: 'Study 43', description: 'Tox' });
	});

	it('reads licence usage for a period', async () => {
		const usage = capture(nock(URL_).get('/api/license/usage').query(true), 200, { licensedPages: 1000, usedPages: 420 });
		const { output } = await runDocuMine({ resource: 'license', operation: 'getUsage', startDate: '2026-01-01T00:00:00Z', endDate: '' });
		expect(usage[0].query).toEqual({ startDate: ['2026-01-01'] });
		expect(output[0].json).toEqual({ licensedPages: 1000, usedPages: 420 });
		expect(JSON.stringify(output)).not.toContain(PASSWORD);
	});

	it('never shows the password or token in an error', async () => {
		nock(URL_).get('/api/users').reply(500, { timestamp: 'now', message: `failure for ${PASSWORD} tok-1` });
		nock(URL_).get('/api/users').times(3).reply(500, { timestamp: 'now', message: `failure for ${PASSWORD} tok-1` });
		const error = await runDocuMine({ resource: 'user', operation: 'getAll', returnAll: true }, { credentials: freshToken() }).catch((caught) => caught);
		expect(error.message).toContain('had a server error (HTTP 500)');
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toMatch(/dm-password-Secret-1|tok-1/);
	});
});

describe('DocuMine pickers', () => {
	it('lists the files of the chosen dossier, and nothing before a dossier is chosen', async () => {
		const { DocuMine } = await import('../../../nodes/DocuMine/DocuMine.node');
		const { searchFiles } = await import('../../../nodes/DocuMine/methods/listSearch');
		nock(URL_).get(`/api/dossier-templates/${T1}/dossiers/${D1}/files`).reply(200, { files: [{ id: 'F-1', filename: 'study-a.pdf', processingStatus: 'PROCESSED' }] });
		const context = (parameters: IDataObject) => nodeContexts({ nodeType: new DocuMine(), parameters: { resource: 'file', operation: 'get', ...parameters } as INodeParameters, credentials: freshToken() }).loadOptions();
		expect((await searchFiles.call(context(where))).results).toEqual([{ name: 'study-a.pdf (PROCESSED)', value: 'F-1' }]);
		expect((await searchFiles.call(context({ templateId: where.templateId }))).results).toEqual([]);
	});

	it('lists result packages, and reads a file and a package picked from the lists', async () => {
		const { DocuMine } = await import('../../../nodes/DocuMine/DocuMine.node');
		const { searchResultPackages } = await import('../../../nodes/DocuMine/methods/listSearch');
		nock(URL_).get('/api/downloads').reply(200, { downloads: [{ id: 'P-1', filename: 'old.zip', status: 'READY', creationDate: '2026-01-01' }, { id: 'P-2', filename: 'new.zip', status: 'READY', creationDate: '2026-02-01' }] });
		const context = nodeContexts({ nodeType: new DocuMine(), parameters: { resource: 'resultPackage', operation: 'get' }, credentials: freshToken() }).loadOptions();
		expect((await searchResultPackages.call(context)).results.map((entry) => entry.value)).toEqual(['P-2', 'P-1']);
		nock(URL_).get('/api/downloads/P-2').reply(200, { id: 'P-2', status: 'READY' });
		const picked = await runDocuMine({ resource: 'resultPackage', operation: 'get', downloadId: { __rl: true, mode: 'list', value: 'P-2' } });
		expect(picked.output[0].json).toMatchObject({ id: 'P-2' });
		nock(URL_).get(`/api/dossier-templates/${T1}/dossiers/${D1}/files/F-1`).reply(200, { id: 'F-1' });
		const file = await runDocuMine({ resource: 'file', operation: 'get', ...where, fileId: { __rl: true, mode: 'list', value: 'F-1' } });
		expect(file.output[0].json).toMatchObject({ id: 'F-1' });
	});
});
