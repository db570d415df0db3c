/**
 * A local Docketwise (API v1): OAuth 2.0 token endpoint (authorization code and refresh), access
 * tokens that can be expired on demand or after N uses, firm records with 200-per-page lists and an
 * X-Pagination header, a 120-requests-per-minute limit per token answered with 429 + Retry-After,
 * and documents downloadable through one-hour links that refuse extra authorization (like S3).
 * Serves on 127.0.0.1 only. Test controls live under /_sim.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

import { LocalServer, type Route, type RouteCall } from './localServer';

type Row = Record<string, unknown>;

export interface DocketwiseSimulatorOptions {
	clientId?: string;
	clientSecret?: string;
	/** Requests per minute per token before 429 (documented: 120). */
	rateLimit?: number;
	/** Expire an access token after this many API calls (makes "expiry mid-run" deterministic). */
	accessTokenMaxUses?: number;
	contacts?: number;
}

const PAGE_SIZE = 200;
const now = () => new Date().toISOString();

export class DocketwiseSimulator extends LocalServer {
	readonly clientId: string;
	readonly clientSecret: string;
	rateLimit: number;
	accessTokenMaxUses?: number;
	private readonly accessTokens = new Map<
		string,
		{ uses: number; expired: boolean; requests: number[] }
	>();
	private readonly refreshTokens = new Set<string>();
	readonly tables: Record<string, Row[]> = {
		contacts: [],
		matters: [],
		documents: [],
		invoices: [],
		charges: [],
		notes: [],
	};
	readonly files = new Map<number, { content: Buffer; filename: string }>();
	readonly users: Row[] = [
		{
			id: 1,
			email: 'attorney@firm.example',
			attorney_profile: { id: 1, first_name: 'Alice', last_name: 'Attorney' },
		},
		{ id: 2, email: 'paralegal@firm.example', attorney_profile: null },
	];
	readonly matterStatuses: Row[] = [
		{ id: 10, name: 'Intake', duration: 7, sort: 1 },
		{ id: 11, name: 'Filed with USCIS', duration: null, sort: 2 },
	];
	readonly sink: unknown[] = [];
	refreshes = 0;
	throttled = 0;
	private nextId = 1000;

	constructor(options: DocketwiseSimulatorOptions = {}) {
		super();
		this.clientId = options.clientId ?? 'sandbox-client';
		this.clientSecret = options.clientSecret ?? 'sandbox-client-secret';
		this.rateLimit = options.rateLimit ?? 120;
		this.accessTokenMaxUses = options.accessTokenMaxUses;
		for (let index = 1; index <= (options.contacts ?? 3); index++)
			this.addContact({ first_name: `Seed${index}`, last_name: 'Client' });
	}

	/** Issues a token pair, as the authorization-code exchange would (for credential import). */
	issueTokens(): {
		access_token: string;
		refresh_token: string;
		token_type: string;
		expires_in: number;
		scope: string;
		created_at: number;
	} {
		const access = randomBytes(16).toString('hex');
		const refresh = randomBytes(16).toString('hex');
		this.accessTokens.set(access, { uses: 0, expired: false, requests: [] });
		this.refreshTokens.add(refresh);
		this.issuedSecrets.push(access, refresh);
		return {
			access_token: access,
			refresh_token: refresh,
			token_type: 'Bearer',
			expires_in: 15_552_000,
			scope: 'public write',
			created_at: Math.floor(Date.now() / 1000),
		};
	}

	expireAccessTokens(): void {
		for (const token of this.accessTokens.values()) token.expired = true;
	}

	addContact(fields: Row): Row {
		const id = this.nextId++;
		const record = {
			id,
			first_name: '',
			last_name: '',
			middle_name: null,
			company_name: '',
			email: null,
			lead: false,
			lead_phone: null,
			type: 'Person',
			created_at: now(),
			updated_at: now(),
			physical_address: null,
			...fields,
		};
		this.tables.contacts.push(record);
		return record;
	}

	protected internalError(error: Error): unknown {
		return { error: error.message };
	}

	protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
		const url = new URL(req.url ?? '/', this.url);
		const method = req.method ?? 'GET';
		if (url.pathname.startsWith('/_sim/')) return await this.control(method, url, req, res);
		if (url.pathname === '/oauth/token' && method === 'POST') return await this.token(req, res);
		if (url.pathname.startsWith('/storage/')) return this.storage(url, req, res);
		if (!url.pathname.startsWith('/api/v1/')) return this.json(res, 404, { error: 'Not found' });

		return await this.api(url, req, res);
	}

	private async token(req: http.IncomingMessage, res: http.ServerResponse) {
		const form = new URLSearchParams((await this.readBody(req)).toString('utf8'));
		const basic = req.headers.authorization?.startsWith('Basic ')
			? Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':')
			: [];
		const clientId = form.get('client_id') ?? basic[0];
		const clientSecret = form.get('client_secret') ?? basic[1];
		if (clientId !== this.clientId || clientSecret !== this.clientSecret)
			return this.json(res, 401, { error: 'invalid_client' });
		if (form.get('grant_type') === 'refresh_token') {
			const refresh = form.get('refresh_token') ?? '';
			if (!this.refreshTokens.has(refresh)) return this.json(res, 400, { error: 'invalid_grant' });
			// Refresh tokens rotate, as Doorkeeper does by default.
			this.refreshTokens.delete(refresh);
			this.refreshes++;
			return this.json(res, 200, this.issueTokens());
		}
		if (form.get('grant_type') === 'authorization_code' && form.get('code'))
			return this.json(res, 200, this.issueTokens());
		return this.json(res, 400, { error: 'unsupported_grant_type' });
	}

	private storage(url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
		if (req.headers.authorization)
			return this.json(res, 400, { error: 'Only one auth mechanism allowed' });
		const id = Number(url.pathname.split('/').pop());
		const expires = Number(url.searchParams.get('expires'));
		const signature = url.searchParams.get('signature');
		if (!expires || expires < Date.now() || signature !== this.sign(id, expires))
			return this.json(res, 403, { error: 'Request has expired' });
		const file = this.files.get(id);
		if (!file) return this.json(res, 404, { error: 'NoSuchKey' });
		res.writeHead(200, {
			'Content-Type': 'binary/octet-stream',
			'Content-Length': file.content.length,
		});
		return res.end(file.content);
	}

	private sign(id: number, expires: number): string {
		return createHash('sha256')
			.update(`${id}:${expires}:${this.clientSecret}`)
			.digest('hex')
			.slice(0, 32);
	}

	/** Answers an API call: the token is checked and paced, then the route table answers. */
	private async api(
		url: URL,
		req: http.IncomingMessage,
		res: http.ServerResponse,
	): Promise<unknown> {
		const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
		const session = this.accessTokens.get(token);
		if (
			!session ||
			session.expired ||
			(this.accessTokenMaxUses !== undefined && session.uses >= this.accessTokenMaxUses)
		) {
			this.json(
				res,
				401,
				{ error: 'invalid_token', error_description: 'The access token is invalid' },
				{ 'WWW-Authenticate': 'Bearer error="invalid_token"' },
			);
			return;
		}
		const current = Date.now();
		session.requests = session.requests.filter((time) => current - time < 60_000);
		if (session.requests.length >= this.rateLimit) {
			this.throttled++;
			const retryAfter = Math.max(1, Math.ceil((session.requests[0] + 60_000 - current) / 1000));
			this.json(res, 429, { error: 'Rate limit exceeded' }, { 'Retry-After': String(retryAfter) });
			return;
		}
		session.requests.push(current);
		session.uses++;

		const routed = await this.route(this.routes, req, res);
		if (routed) return routed.answered;
		return this.json(res, 404, { error: `No route ${req.method} ${url.pathname}` });
	}

	/** One page of a list, 200 a page, with X-Pagination as Docketwise sends it. */
	private list({ res, query }: RouteCall, rows: Row[]): void {
		const page = Math.max(1, Number(query.page ?? 1));
		const totalPages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
		const pagination = {
			total: rows.length,
			total_pages: totalPages,
			next_page: page < totalPages ? page + 1 : null,
			previous_page: page > 1 ? page - 1 : null,
		};
		this.json(res, 200, rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), {
			'X-Pagination': JSON.stringify(pagination),
		});
	}

	private async input({ req }: RouteCall): Promise<Row> {
		return JSON.parse((await this.readBody(req)).toString('utf8') || '{}') as Row;
	}

	/** The record of a table a path's :id names, or a 404 answered. */
	private found(call: RouteCall, table: string): Row | undefined {
		const record = this.tables[table].find((row) => row.id === Number(call.params.id));
		if (!record) this.json(call.res, 404, { error: 'Not found' });
		return record;
	}

	/** Index, create, show, update and delete of a table whose records come wrapped in their name. */
	private recordRoutes(table: 'contacts' | 'matters' | 'invoices'): Route[] {
		const root = table.slice(0, -1);
		const path = `/api/v1/${table}`;
		return [
			{
				method: 'GET',
				path,
				handle: (call) =>
					this.list(
						call,
						table === 'contacts' && call.query.type
							? this.tables.contacts.filter((row) => row.type === call.query.type)
							: this.tables[table],
					),
			},
			{
				method: 'POST',
				path,
				handle: async (call) => {
					const fields = (await this.input(call))[root] as Row | undefined;
					if (!fields || typeof fields !== 'object')
						return this.json(call.res, 422, { errors: { [root]: ['is missing'] } });
					if (table === 'matters' && !fields.client_id)
						return this.json(call.res, 422, { errors: { client_id: ["can't be blank"] } });
					if (table === 'invoices' && !fields.contact_id)
						return this.json(call.res, 422, { errors: { contact_id: ["can't be blank"] } });
					if (table === 'contacts')
						return this.json(call.res, 201, this.addContact(contactFields(fields)));
					const record = {
						id: this.nextId++,
						...fields,
						status: table === 'matters' ? 10 : (fields.status ?? 'unpaid'),
						created_at: now(),
						updated_at: now(),
					};
					this.tables[table].push(record);
					return this.json(call.res, 201, record);
				},
			},
			{
				method: 'GET',
				path: `${path}/:id`,
				handle: (call) => {
					const record = this.found(call, table);
					if (!record) return;
					// A contact's (and a matter's) show carries its notes: Docketwise has no list of notes.
					if (table === 'invoices') return this.json(call.res, 200, record);
					const owner = table === 'contacts' ? 'client_id' : 'matter_id';
					const notes = this.tables.notes.filter((note) => note[owner] === record.id);
					return this.json(call.res, 200, { ...record, notes });
				},
			},
			{
				method: 'PUT',
				path: `${path}/:id`,
				handle: async (call) => {
					const record = this.found(call, table);
					if (!record) return;
					const fields = ((await this.input(call))[root] ?? {}) as Row;
					if (table === 'matters' && !fields.client_id)
						return this.json(call.res, 422, { errors: { client_id: ["can't be blank"] } });
					Object.assign(record, table === 'contacts' ? contactFields(fields) : fields, {
						updated_at: now(),
					});
					return this.json(call.res, 200, record);
				},
			},
			{
				method: 'DELETE',
				path: `${path}/:id`,
				handle: (call) => {
					const record = this.found(call, table);
					if (!record) return;
					this.tables[table] = this.tables[table].filter((row) => row !== record);
					return this.json(call.res, 200, {});
				},
			},
		];
	}

	/** The API Docketwise documents, one route each. */
	private readonly routes: Route[] = [
		{ method: 'GET', path: '/api/v1/users', handle: (call) => this.list(call, this.users) },
		{
			method: 'GET',
			path: '/api/v1/matter_statuses',
			handle: (call) => this.list(call, this.matterStatuses),
		},
		{
			method: 'GET',
			path: '/api/v1/matter_types',
			handle: (call) =>
				this.list(call, [{ id: 1, name: 'Family Petition', matter_statuses: this.matterStatuses }]),
		},
		{
			method: 'GET',
			path: '/api/v1/countries',
			handle: (call) =>
				this.list(call, [
					{ id: 1, name: 'United States' },
					{ id: 2, name: 'Mexico' },
				]),
		},
		...this.recordRoutes('contacts'),
		...this.recordRoutes('matters'),
		...this.recordRoutes('invoices'),
		{
			method: 'GET',
			path: '/api/v1/matters/:id/receipts',
			handle: (call) => {
				const matter = this.found(call, 'matters');
				return (
					matter &&
					this.json(call.res, 200, [
						{ id: 1, matter_id: matter.id, number: 'EAC0000000001', status_update_type: 'manual' },
					])
				);
			},
		},
		{
			method: 'GET',
			path: '/api/v1/invoices/:id/charges',
			handle: (call) =>
				this.list(
					call,
					this.tables.charges.filter((row) => row.invoice_id === Number(call.params.id)),
				),
		},
		{
			method: 'POST',
			path: '/api/v1/invoices/:id/charges',
			handle: async (call) => {
				const input = await this.input(call);
				const record = {
					id: this.nextId++,
					invoice_id: Number(call.params.id),
					...(input.charge as Row),
					created_at: now(),
				};
				this.tables.charges.push(record);
				return this.json(call.res, 201, record);
			},
		},
		{
			method: 'PUT',
			path: '/api/v1/charges/:id',
			handle: async (call) => {
				const record = this.found(call, 'charges');
				if (!record) return;
				Object.assign(record, (await this.input(call)).charge ?? {});
				return this.json(call.res, 200, record);
			},
		},
		{
			method: 'DELETE',
			path: '/api/v1/charges/:id',
			handle: (call) => {
				const record = this.found(call, 'charges');
				if (!record) return;
				this.tables.charges = this.tables.charges.filter((row) => row !== record);
				return this.json(call.res, 200, {});
			},
		},
		{
			method: 'GET',
			path: '/api/v1/documents',
			handle: (call) => {
				const search = (call.query.search ?? '').toLowerCase();
				return this.list(
					call,
					this.tables.documents.filter(
						(row) => !search || String(row.title).toLowerCase().includes(search),
					),
				);
			},
		},
		{
			method: 'POST',
			path: '/api/v1/documents',
			handle: async (call) => await this.uploadDocument(call),
		},
		{
			method: 'GET',
			path: '/api/v1/documents/:id',
			handle: (call) => {
				const record = this.found(call, 'documents');
				return record && this.json(call.res, 200, record);
			},
		},
		{
			method: 'GET',
			path: '/api/v1/documents/:id/download',
			handle: (call) => {
				const record = this.found(call, 'documents');
				if (!record) return;
				const id = record.id as number;
				const expires = Date.now() + 3_600_000;
				return this.json(call.res, 200, {
					url: `${this.url}/storage/${id}?expires=${expires}&signature=${this.sign(id, expires)}`,
				});
			},
		},
		{
			method: 'POST',
			path: '/api/v1/notes',
			handle: async (call) => {
				const input = await this.input(call);
				if (!input.matter_id && !input.client_id)
					return this.json(call.res, 422, { errors: ['matter_id or client_id is required'] });
				const record = {
					id: this.nextId++,
					title: input.title,
					content: input.content,
					matter_id: input.matter_id ? Number(input.matter_id) : null,
					client_id: input.client_id ? Number(input.client_id) : null,
					category: 'All Notes',
					created_at: now(),
				};
				this.tables.notes.push(record);
				return this.json(call.res, 201, record);
			},
		},
	];

	private async uploadDocument(call: RouteCall): Promise<unknown> {
		const { res } = call;
		const fields = ((await this.input(call)).document ?? {}) as Row & {
			base64_data?: string;
			filename?: string;
		};
		if (
			typeof fields.base64_data !== 'string' ||
			!/^[A-Za-z0-9+/]*={0,2}$/.test(fields.base64_data)
		)
			return this.json(res, 422, { errors: { base64_data: ['is not strict base64'] } });
		const content = Buffer.from(fields.base64_data, 'base64');
		const record = {
			id: this.nextId++,
			title: fields.title ?? fields.filename,
			firm_id: 1,
			client_id: fields.client_id ?? null,
			matter_id: fields.matter_id ?? null,
			size: content.length,
			created_at: now(),
			updated_at: now(),
			archived: false,
			doc_url: '',
		};
		this.tables.documents.push(record);
		this.files.set(record.id as number, { content, filename: String(fields.filename ?? '') });
		return this.json(res, 201, record);
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
		if (url.pathname === '/_sim/contacts' && method === 'POST') {
			const fields = JSON.parse((await this.readBody(req)).toString('utf8') || '{}');
			return this.json(
				res,
				201,
				this.addContact({ first_name: 'New', last_name: 'Client', ...fields }),
			);
		}
		if (url.pathname.startsWith('/_sim/files/')) {
			const size = Number(url.searchParams.get('size') ?? 4096);
			const content = Buffer.alloc(size);
			for (let index = 0; index < size; index++) content[index] = (index * 31 + 7) & 0xff;
			content.write('%PDF-1.7\n', 0, 'latin1');
			res.writeHead(200, {
				'Content-Type': 'application/pdf',
				'Content-Length': size,
				'Content-Disposition': `attachment; filename="${decodeURIComponent(url.pathname.split('/').pop()!)}"`,
			});
			return res.end(content);
		}
		if (url.pathname === '/_sim/expire-tokens' && method === 'POST') {
			this.expireAccessTokens();
			return this.json(res, 200, { expired: true });
		}
		return this.json(res, 404, { message: `No control route ${method} ${url.pathname}` });
	}
}

/** The stored contact for create/update input: nested attributes become the documented response fields. */
function contactFields(input: Row): Row {
	const { addresses_attributes: addresses, phone_numbers_attributes: phones, ...fields } = input;
	const record: Row = { ...fields };
	const firstAddress = Array.isArray(addresses) ? (addresses[0] as Row) : undefined;
	if (firstAddress)
		record.physical_address = { id: 1, ...((firstAddress.data as Row) ?? firstAddress) };
	if (Array.isArray(phones))
		record.phone_numbers = phones.map((phone, index) => ({
			id: index + 1,
			...((phone as Row).data as Row),
		}));
	return record;
}
