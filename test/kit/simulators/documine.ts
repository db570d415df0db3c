/**
 * A local DocuMine, built on the same inferred paths as the nodes (nodes/DocuMine/api.ts): a
 * Keycloak-style token endpoint per workspace realm (password, refresh and authorization-code grants,
 * short lifetimes), the X-TENANT-ID header required, dossier templates, dossiers, files that move
 * through processing states as they are polled, components (JSON or XML), result packages that
 * become READY after a few polls, users and licence usage. Serves on 127.0.0.1 only.
 */
import busboy from 'busboy';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';

import { LocalServer, type Route, type RouteCall } from './localServer';

type Row = Record<string, unknown>;

/** A record without its simulator-only bookkeeping fields. */
function visible(row: Row): Row {
	const copy = { ...row };
	for (const key of ['polls', 'reads', 'sha256', 'uploadedAt']) delete copy[key];
	return copy;
}

export interface DocuMineSimulatorOptions {
	workspaceId?: string;
	clientId?: string;
	username?: string;
	password?: string;
	/** Access-token lifetime in milliseconds (DocuMine: 300 s; tests use seconds). */
	accessTokenTtlMs?: number;
	/** Status reads a file goes through before it is PROCESSED. */
	processingSteps?: string[];
	/** If set, a file is PROCESSED this long after its upload, however often it is read (benchmarks). */
	processingMs?: number;
	/** Status reads before a result package is READY. */
	packagePolls?: number;
}

export class DocuMineSimulator extends LocalServer {
	readonly workspaceId: string;
	readonly clientId: string;
	readonly username: string;
	readonly password: string;
	accessTokenTtlMs: number;
	processingSteps: string[];
	processingMs?: number;
	packagePolls: number;
	private readonly accessTokens = new Map<string, number>();
	private readonly refreshTokens = new Set<string>();
	readonly templates: Row[] = [
		{ id: 'tpl-tox', name: 'Toxicology studies', status: 'ACTIVE', description: 'Study reports' },
		{ id: 'tpl-old', name: 'Legacy template', status: 'INACTIVE' },
	];
	readonly dossiers: Row[] = [];
	readonly files = new Map<
		string,
		Row & { reads: number; sha256: string; size: number; uploadedAt?: number }
	>();
	/** Reads of single files' records (status polls). */
	fileReads = 0;
	readonly packages = new Map<string, Row & { polls: number }>();
	readonly sink: unknown[] = [];
	logins = 0;
	refused = 0;
	/** Reads of a dossier's file list (what a polling trigger does). */
	fileListReads = 0;

	constructor(options: DocuMineSimulatorOptions = {}) {
		super();
		this.workspaceId = options.workspaceId ?? 'sandbox-ws';
		this.clientId = options.clientId ?? 'documine-api';
		this.username = options.username ?? 'robot';
		this.password = options.password ?? 'sandbox-password';
		this.accessTokenTtlMs = options.accessTokenTtlMs ?? 300_000;
		this.processingSteps = options.processingSteps ?? ['UNPROCESSED', 'OCR_PROCESSING', 'ANALYSE'];
		this.processingMs = options.processingMs;
		this.packagePolls = options.packagePolls ?? 2;
		this.dossiers.push({
			id: 'dos-1',
			dossierTemplateId: 'tpl-tox',
			name: 'Study 42',
			description: 'Acute toxicity',
			archived: false,
		});
	}

	/** Adds a file that has already finished processing (as if uploaded by someone else). */
	addProcessedFile(dossierId: string, filename: string): Row {
		const id = randomUUID();
		const record = {
			id,
			dossierId,
			filename,
			processingStatus: 'PROCESSED',
			workflowStatus: 'NEW',
			reads: 99,
			sha256: '',
			size: 0,
			lastProcessed: new Date().toISOString(),
		};
		this.files.set(id, record);
		return record;
	}

	protected internalError(error: Error): unknown {
		return { timestamp: new Date().toISOString(), message: error.message };
	}

	private issue(): Row {
		const access = randomBytes(16).toString('hex');
		const refresh = randomBytes(16).toString('hex');
		this.accessTokens.set(access, Date.now() + this.accessTokenTtlMs);
		this.refreshTokens.add(refresh);
		this.issuedSecrets.push(access, refresh);
		return {
			access_token: access,
			expires_in: Math.round(this.accessTokenTtlMs / 1000),
			refresh_token: refresh,
			refresh_expires_in: 1800,
			token_type: 'Bearer',
			scope: 'openid',
		};
	}

	/** A token pair as the authorization-code flow would give it (for credential import). */
	issueTokens(): Row {
		return this.issue();
	}

	private async token(realm: string, req: http.IncomingMessage, res: http.ServerResponse) {
		if (realm !== this.workspaceId) return this.json(res, 404, { error: 'Realm does not exist' });
		const form = new URLSearchParams((await this.readBody(req)).toString('utf8'));
		if (form.get('client_id') !== this.clientId)
			return this.json(res, 401, {
				error: 'invalid_client',
				error_description: 'Invalid client credentials',
			});
		const grant = form.get('grant_type');
		if (grant === 'password') {
			if (form.get('username') !== this.username || form.get('password') !== this.password) {
				return this.json(res, 401, {
					error: 'invalid_grant',
					error_description: 'Invalid user credentials',
				});
			}
			this.logins++;
			return this.json(res, 200, this.issue());
		}
		if (grant === 'refresh_token' && this.refreshTokens.delete(form.get('refresh_token') ?? ''))
			return this.json(res, 200, this.issue());
		if (grant === 'authorization_code' && form.get('code'))
			return this.json(res, 200, this.issue());
		return this.json(res, 400, { error: 'invalid_grant' });
	}

	protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
		const url = new URL(req.url ?? '/', this.url);
		const method = req.method ?? 'GET';
		const realm = /^\/auth\/realms\/([^/]+)\/protocol\/openid-connect\/token$/.exec(url.pathname);
		if (realm && method === 'POST') return await this.token(decodeURIComponent(realm[1]), req, res);
		if (url.pathname.startsWith('/_sim/')) return await this.control(method, url, req, res);
		if (url.pathname.startsWith('/api/')) return await this.api(method, url, req, res);
		return this.json(res, 404, { message: 'Not found' });
	}

	/** Answers an API call: the token and workspace are checked, then the route table answers. */
	private async api(method: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
		const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
		const expiry = this.accessTokens.get(token);
		if (!expiry || expiry < Date.now()) {
			this.refused++;
			await this.readBody(req);
			return this.fail(res, 401, 'Token is not active');
		}
		if (req.headers['x-tenant-id'] !== this.workspaceId)
			return this.fail(res, 403, 'Missing or wrong X-TENANT-ID');
		const routed = await this.route(this.routes, req, res);
		if (routed) return routed.answered;
		return this.fail(res, 404, `No route ${method} ${url.pathname}`);
	}

	/** DocuMine's error body. */
	private fail(res: http.ServerResponse, status: number, message: string) {
		return this.json(res, status, { timestamp: new Date().toISOString(), message });
	}

	private async body(req: http.IncomingMessage): Promise<Row> {
		return JSON.parse((await this.readBody(req)).toString('utf8') || '{}') as Row;
	}

	/** The dossier template a path names, or a 404 answered. */
	private templateOf({ res, params }: RouteCall): Row | undefined {
		const template = this.templates.find((entry) => entry.id === params.templateId);
		if (!template) this.fail(res, 404, 'Dossier template not found');
		return template;
	}

	/** The dossier a path names, in its template, or a 404 answered. */
	private dossierOf(call: RouteCall): Row | undefined {
		const template = this.templateOf(call);
		if (!template) return undefined;
		const dossier = this.dossiers.find(
			(entry) => entry.id === call.params.dossierId && entry.dossierTemplateId === template.id,
		);
		if (!dossier) this.fail(call.res, 404, 'Dossier not found');
		return dossier;
	}

	/** The file a path names, in its dossier, or a 404 answered. */
	private fileOf(call: RouteCall): (Row & { reads: number; size: number }) | undefined {
		const dossier = this.dossierOf(call);
		if (!dossier) return undefined;
		const file = this.files.get(call.params.fileId);
		if (!file || file.dossierId !== dossier.id) {
			this.fail(call.res, 404, 'File not found');
			return undefined;
		}
		return file;
	}

	/** The result package a path names, or a 404 answered. */
	private packageOf({ res, params }: RouteCall) {
		const record = this.packages.get(params.downloadId);
		if (!record) this.fail(res, 404, 'Download not found');
		return record;
	}

	/** The API DocuMine documents, one route each. */
	private readonly routes: Route[] = [
		{
			method: 'GET',
			path: '/api/dossier-templates',
			handle: ({ res }) => this.json(res, 200, { dossierTemplates: this.templates }),
		},
		{
			method: 'GET',
			path: '/api/dossier-templates/:templateId',
			handle: (call) => {
				const template = this.templateOf(call);
				return template && this.json(call.res, 200, template);
			},
		},
		{
			method: 'GET',
			path: '/api/dossier-templates/:templateId/dossiers',
			handle: (call) => {
				const template = this.templateOf(call);
				if (!template) return;
				const includeArchived = call.query.includeArchived === 'true';
				const dossiers = this.dossiers.filter(
					(entry) =>
						entry.dossierTemplateId === template.id && (includeArchived || !entry.archived),
				);
				return this.json(call.res, 200, { dossiers });
			},
		},
		{
			method: 'POST',
			path: '/api/dossier-templates/:templateId/dossiers',
			handle: async (call) => {
				const template = this.templateOf(call);
				if (!template) return;
				const body = await this.body(call.req);
				if (!body.name) return this.fail(call.res, 400, 'name is required');
				const dossier = {
					...body,
					id: randomUUID(),
					dossierTemplateId: template.id,
					archived: false,
					dateAdded: new Date().toISOString(),
				};
				this.dossiers.push(dossier);
				return this.json(call.res, 200, dossier);
			},
		},
		{
			method: 'GET',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId',
			handle: (call) => {
				const dossier = this.dossierOf(call);
				return dossier && this.json(call.res, 200, dossier);
			},
		},
		{
			method: 'PUT',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId',
			handle: async (call) => {
				const dossier = this.dossierOf(call);
				return (
					dossier && this.json(call.res, 200, Object.assign(dossier, await this.body(call.req)))
				);
			},
		},
		{
			method: 'DELETE',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId',
			handle: (call) => {
				const dossier = this.dossierOf(call);
				if (!dossier) return;
				this.dossiers.splice(this.dossiers.indexOf(dossier), 1);
				return this.json(call.res, 200, {});
			},
		},
		{
			method: 'POST',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId/create-download',
			handle: (call) => {
				const dossier = this.dossierOf(call);
				if (!dossier) return;
				const fileIds = [...this.files.values()]
					.filter((file) => file.dossierId === dossier.id)
					.map((file) => file.id as string);
				return this.createPackage(call.res, fileIds);
			},
		},
		{
			method: 'GET',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId/files',
			handle: (call) => {
				const dossier = this.dossierOf(call);
				if (!dossier) return;
				this.fileListReads++;
				const files = [...this.files.values()].filter((file) => file.dossierId === dossier.id);
				// With processing driven by the clock, the list shows each file's current status.
				if (this.processingMs !== undefined)
					for (const file of files) this.advance(file, file.reads);
				return this.json(call.res, 200, { files: files.map(visible) });
			},
		},
		{
			method: 'POST',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId/files',
			handle: async (call) => await this.upload(call),
		},
		{
			method: 'POST',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId/files/bulk/create-download',
			handle: async (call) => {
				const dossier = this.dossierOf(call);
				if (!dossier) return;
				const { fileIds } = await this.body(call.req);
				if (
					!Array.isArray(fileIds) ||
					!fileIds.every((id) => this.files.get(String(id))?.dossierId === dossier.id)
				)
					return this.fail(call.res, 404, 'File not found');
				return this.createPackage(call.res, fileIds.map(String));
			},
		},
		{
			method: 'GET',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId/files/:fileId',
			handle: (call) => {
				const file = this.fileOf(call);
				if (!file) return;
				// Each status read moves processing one step on (unless the clock drives it).
				file.reads++;
				this.fileReads++;
				this.advance(file, file.reads);
				return this.json(call.res, 200, visible(file));
			},
		},
		{
			method: 'DELETE',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId/files/:fileId',
			handle: (call) => {
				const file = this.fileOf(call);
				if (!file) return;
				this.files.delete(file.id as string);
				return this.json(call.res, 200, {});
			},
		},
		{
			method: 'GET',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId/files/:fileId/components',
			handle: (call) => this.components(call),
		},
		{
			method: 'POST',
			path: '/api/dossier-templates/:templateId/dossiers/:dossierId/files/:fileId/create-download',
			handle: (call) => {
				const file = this.fileOf(call);
				return file && this.createPackage(call.res, [file.id as string]);
			},
		},
		{
			method: 'GET',
			path: '/api/downloads',
			handle: ({ res }) =>
				this.json(res, 200, { downloads: [...this.packages.values()].map(visible) }),
		},
		{
			method: 'GET',
			path: '/api/downloads/:downloadId',
			handle: (call) => {
				const record = this.packageOf(call);
				if (!record) return;
				record.polls++;
				if (record.polls >= this.packagePolls) record.status = 'READY';
				else record.status = record.polls === 1 ? 'QUEUED' : 'GENERATING';
				return this.json(call.res, 200, visible(record));
			},
		},
		{
			method: 'DELETE',
			path: '/api/downloads/:downloadId',
			handle: (call) => {
				const record = this.packageOf(call);
				if (!record) return;
				this.packages.delete(record.id as string);
				return this.json(call.res, 200, {});
			},
		},
		{
			method: 'GET',
			path: '/api/downloads/:downloadId/file',
			handle: (call) => {
				const record = this.packageOf(call);
				if (!record) return;
				if (record.status !== 'READY') return this.fail(call.res, 409, 'Download is not ready');
				const res = call.res;
				const zip = Buffer.concat([
					Buffer.from('PK\u0003\u0004', 'latin1'),
					Buffer.from(JSON.stringify({ package: record.id, files: record.fileIds })),
				]);
				res.writeHead(200, {
					'Content-Type': 'application/octet-stream',
					'Content-Length': zip.length,
					'Content-Disposition': `attachment; filename="${String(record.filename)}"`,
				});
				return res.end(zip);
			},
		},
		{
			method: 'GET',
			path: '/api/users',
			handle: ({ res }) =>
				this.json(res, 200, {
					users: [
						{
							id: 'u-1',
							username: this.username,
							firstName: 'Robot',
							lastName: 'User',
							email: 'robot@firm.example',
						},
					],
				}),
		},
		{
			method: 'GET',
			path: '/api/license/usage',
			handle: ({ res, query }) =>
				this.json(res, 200, {
					licensedPages: 100000,
					usedPages: [...this.files.values()].length * 12,
					startDate: query.startDate ?? null,
				}),
		},
	];

	private createPackage(res: http.ServerResponse, fileIds: string[]) {
		const id = randomUUID();
		this.packages.set(id, {
			id,
			status: 'QUEUED',
			fileIds,
			filename: `package-${id.slice(0, 8)}.zip`,
			polls: 0,
		});
		return this.json(res, 200, { downloadId: id });
	}

	/** Sets a file's status from its reads so far, or from the time since its upload when `processingMs` is set. */
	private advance(file: Row & { reads: number; uploadedAt?: number }, reads: number): void {
		if (file.processingStatus === 'PROCESSED') return;
		const step =
			this.processingMs === undefined
				? reads
				: Math.floor(
						((Date.now() - (file.uploadedAt ?? 0)) / this.processingMs) *
							this.processingSteps.length,
					);
		file.processingStatus =
			step < this.processingSteps.length ? this.processingSteps[step] : 'PROCESSED';
		if (file.processingStatus === 'PROCESSED' && !file.lastProcessed)
			file.lastProcessed = new Date().toISOString();
	}

	/** A file uploaded as multipart/form-data, hashed as it streams in. */
	private async upload(call: RouteCall): Promise<unknown> {
		const { req, res } = call;
		const dossier = this.dossierOf(call);
		if (!dossier) return;
		const file = await new Promise<{ filename: string; sha256: string; size: number }>(
			(resolve, reject) => {
				const parser = busboy({ headers: req.headers });
				let found: { filename: string; sha256: string; size: number } | undefined;
				parser.on('file', (_name, stream, info) => {
					const hash = createHash('sha256');
					let size = 0;
					stream.on('data', (chunk: Buffer) => {
						hash.update(chunk);
						size += chunk.length;
					});
					stream.on(
						'end',
						() =>
							(found = { filename: info.filename ?? 'upload', sha256: hash.digest('hex'), size }),
					);
				});
				parser.on('close', () => (found ? resolve(found) : reject(new Error('no file part'))));
				parser.on('error', reject);
				req.pipe(parser);
			},
		);
		const id = randomUUID();
		const record = {
			id,
			dossierId: dossier.id,
			...file,
			processingStatus: this.processingSteps[0] ?? 'PROCESSED',
			workflowStatus: 'NEW',
			reads: 0,
			uploadedAt: Date.now(),
		};
		this.files.set(id, record);
		return this.json(res, 200, visible(record));
	}

	private components(call: RouteCall): unknown {
		const { req, res } = call;
		const file = this.fileOf(call);
		if (!file) return;
		if (file.processingStatus !== 'PROCESSED')
			return this.fail(res, 409, 'File is not processed yet');
		const components = [
			{ name: 'Study Title', values: [{ value: `Study of ${String(file.filename)}` }] },
			{ name: 'Species', values: [{ value: 'Rat' }, { value: 'Mouse' }] },
			{
				name: 'Page Count',
				values: [{ value: String(Math.max(1, Math.ceil(file.size / 3000))) }],
			},
		];
		if (req.headers.accept === 'application/xml') {
			const xml = `<components>${components.map((component) => `<component name="${component.name}">${component.values.map((value) => `<value>${value.value}</value>`).join('')}</component>`).join('')}</components>`;
			res.writeHead(200, { 'Content-Type': 'application/xml' });
			return res.end(xml);
		}
		return this.json(res, 200, { fileId: file.id, components });
	}

	private async control(
		method: string,
		url: URL,
		req: http.IncomingMessage,
		res: http.ServerResponse,
	) {
		if (url.pathname === '/_sim/sink' && method === 'POST') {
			this.sink.push(JSON.parse((await this.readBody(req)).toString('utf8') || '{}'));
			return this.json(res, 200, { received: true });
		}
		if (url.pathname === '/_sim/sink') return this.json(res, 200, this.sink);
		if (url.pathname === '/_sim/files' && method === 'POST')
			return this.json(
				res,
				200,
				this.addProcessedFile('dos-1', url.searchParams.get('name') ?? 'report.pdf'),
			);
		if (url.pathname.startsWith('/_sim/pdf/')) {
			const size = Number(url.searchParams.get('size') ?? 30000);
			const content = Buffer.alloc(size, 0x41);
			content.write('%PDF-1.7\n', 0, 'latin1');
			res.writeHead(200, {
				'Content-Type': 'application/pdf',
				'Content-Length': size,
				'Content-Disposition': `attachment; filename="${url.pathname.split('/').pop()}"`,
			});
			return res.end(content);
		}
		return this.json(res, 404, { message: 'No control route' });
	}
}
