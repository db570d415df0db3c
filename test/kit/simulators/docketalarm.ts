/**
 * A local Docket Alarm (API v1): login tokens that expire (by age or by use), test mode, PACER and
 * full-text search with offset paging and the scroll protocol, direct court search, dockets, PDF
 * documents (403 sealed, 404 unknown, 412 not cached), trackers, sub-accounts, and push
 * notifications POSTed to the account's push URL (Basic credentials in the URL sent as a header).
 * Serves on 127.0.0.1 only. Test controls live under /_sim.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';

import { LocalServer, type Route } from './localServer';

/** What a Docket Alarm route is given besides the call: the form posted and whether it asks for test mode. */
interface DocketAlarmCall {
	form: Record<string, string[]>;
	test: boolean;
}

export interface DocketAlarmSimulatorOptions {
	username?: string;
	password?: string;
	/** Token lifetime in milliseconds (the guide says 30 minutes in one place, 90 in another). */
	tokenTtlMs?: number;
	/** Expire a token after this many API calls (makes "expiry mid-run" deterministic). */
	tokenMaxUses?: number;
	/** Number of cases the full-text index holds. */
	searchIndexSize?: number;
	/** Size of every PDF served (benchmarks use 1 GiB; large ones are streamed, never held). */
	documentBytes?: number;
}

interface Token {
	issuedAt: number;
	uses: number;
	username: string;
}

interface SimCase {
	court: string;
	docket: string;
	title: string;
	date_filed: string;
}

interface Tracker {
	court: string;
	docket: string;
	q: string;
	title: string;
	enabled: boolean;
	frequency: string;
	client_matter: string;
	last_updated: string | null;
}

export interface PushDelivery {
	url: string;
	status: number;
	body: Record<string, unknown>;
}

const STREAM_CHUNK = 1 << 20;

export const SIM_COURT = 'New York Southern District Court';
export const SIM_DOCKET = '1:11-cv-06909';
export const STATE_COURT = 'Pennsylvania State, Philadelphia County, Court of Common Pleas';

function usDate(day: number): string {
	const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);
	return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

/** The text on the single page of a simulated document: what a PDF reader extracts from it. */
export function simulatedPdfText(path: string): string {
	return `Docket Alarm simulator document ${path}`;
}

/**
 * Deterministic bytes for a document path: a real one-page PDF whose page says
 * `simulatedPdfText(path)` (so n8n's Extract From File can read it), padded to `size` bytes with a
 * stream of filler, with a correct cross-reference table. Below the size of the bare PDF, a prefix.
 */
export function simulatedPdf(path: string, size = 50_000): Buffer {
	let seed = 0;
	for (const char of path) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
	const filler = (length: number) =>
		Buffer.from(Array.from({ length }, (_, index) => (seed + index * 7) & 0xff));
	const text = simulatedPdfText(path).replace(/[\\()]/g, (char) => `\\${char}`);
	// A small font, so a long path stays on the page (readers drop text beyond its edge).
	const page = `BT /F1 5 Tf 10 720 Td (${text}) Tj ET`;
	const build = (padding: number): Buffer => {
		const objects = [
			'<< /Type /Catalog /Pages 2 0 R >>',
			'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
			'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
			'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
			`<< /Length ${page.length} >>\nstream\n${page}\nendstream`,
		];
		const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
		const offsets: number[] = [];
		let length = parts[0].length;
		const add = (part: Buffer) => {
			parts.push(part);
			length += part.length;
		};
		objects.forEach((body, index) => {
			offsets.push(length);
			add(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
		});
		offsets.push(length);
		add(Buffer.from(`6 0 obj\n<< /Length ${padding} >>\nstream\n`, 'latin1'));
		add(filler(padding));
		add(Buffer.from('\nendstream\nendobj\n', 'latin1'));
		const xref = length;
		const entries = offsets
			.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
			.join('');
		add(
			Buffer.from(
				`xref\n0 7\n0000000000 65535 f \n${entries}trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
				'latin1',
			),
		);
		return Buffer.concat(parts);
	};
	let padding = 0;
	// The padding's own digits move the offsets: settle it in a few rounds.
	for (let round = 0; round < 4; round++)
		padding = Math.max(0, padding + size - build(padding).length);
	const pdf = build(padding);
	return pdf.length === size ? pdf : pdf.subarray(0, size);
}

export class DocketAlarmSimulator extends LocalServer {
	readonly username: string;
	readonly password: string;
	tokenTtlMs: number;
	tokenMaxUses?: number;
	readonly tokens = new Map<string, Token>();
	readonly trackers: Tracker[] = [];
	readonly subaccounts = new Map<
		string,
		{ username: string; password: string; name?: string; enabled: boolean; api_push_url: string }
	>();
	/** The master account's push URL (set by support in real life). */
	pushUrl = '';
	readonly pushes: PushDelivery[] = [];
	readonly sink: unknown[] = [];
	/** Every API call: endpoint, whether test mode was on, and the token or auth used. */
	logins = 0;
	documentBytes: number;
	readonly cases: SimCase[];

	constructor(options: DocketAlarmSimulatorOptions = {}) {
		super();
		this.username = options.username ?? 'sandbox@firm.example';
		this.password = options.password ?? 'sandbox-password';
		this.tokenTtlMs = options.tokenTtlMs ?? 30 * 60_000;
		this.tokenMaxUses = options.tokenMaxUses;
		this.documentBytes = options.documentBytes ?? 50_000;
		const size = options.searchIndexSize ?? 120;
		this.cases = Array.from({ length: size }, (_, index) => ({
			court:
				index === 0
					? SIM_COURT
					: index % 2
						? 'Texas Eastern District Court'
						: 'California Northern District Court',
			docket: index === 0 ? SIM_DOCKET : `2:24-cv-${String(index).padStart(5, '0')}`,
			title: `${index % 3 === 0 ? 'Acme Corp.' : 'Globex Inc.'} v. Party ${index}`,
			date_filed: usDate(index),
		}));
	}

	/** A valid login token, as a login issues it (also without a login call, for a benchmark's direct requests). */
	issueToken(): string {
		const token = randomBytes(24).toString('hex');
		this.issuedSecrets.push(token);
		this.tokens.set(token, { issuedAt: Date.now(), uses: 0, username: this.username });
		return token;
	}

	/** Makes every token issued so far invalid, as if it had timed out. */
	expireTokens(): void {
		for (const token of this.tokens.values()) token.issuedAt = 0;
	}

	/** Sends a push to a (sub)account's push URL, as Docket Alarm does on news. */
	async push(body: Record<string, unknown>, url = this.pushUrl): Promise<PushDelivery> {
		const target = new URL(url);
		const headers: Record<string, string> = { 'Content-Type': 'application/json' };
		if (target.username || target.password) {
			// HTTP clients turn user:password@ in a URL into a Basic header; fetch refuses such URLs.
			headers.Authorization = `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
			target.username = '';
			target.password = '';
		}
		let status = -1;
		try {
			const response = await fetch(target, { method: 'POST', headers, body: JSON.stringify(body) });
			status = response.status;
			await response.arrayBuffer();
		} catch {
			status = -1;
		}
		const delivery = { url, status, body };
		this.pushes.push(delivery);
		return delivery;
	}

	/** A docket push with `count` new entries. */
	docketPush(count = 2): Record<string, unknown> {
		const docket = this.docket(SIM_COURT, SIM_DOCKET);
		return {
			push_type: 'docket',
			court: SIM_COURT,
			docket: SIM_DOCKET,
			info: docket.info,
			docket_report: (docket.docket_report as unknown[]).slice(0, count),
			parties: docket.parties,
		};
	}

	// ---- HTTP ----

	protected internalError(error: Error): unknown {
		return { success: false, error: error.message };
	}

	private async form(req: http.IncomingMessage): Promise<Record<string, string[]>> {
		const fields: Record<string, string[]> = {};
		for (const [key, value] of new URLSearchParams((await this.readBody(req)).toString('utf8')))
			(fields[key] ??= []).push(value);
		return fields;
	}

	/** Whether the call is authenticated: a live token (query or form) or Basic credentials. */
	private authorize(req: http.IncomingMessage, token: string | undefined): boolean {
		const header = req.headers.authorization ?? '';
		if (header.startsWith('Basic ')) {
			const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
			return user === this.username && rest.join(':') === this.password;
		}
		const session = token ? this.tokens.get(token) : undefined;
		if (!session) return false;
		if (Date.now() - session.issuedAt > this.tokenTtlMs) return false;
		if (this.tokenMaxUses !== undefined && session.uses >= this.tokenMaxUses) return false;
		session.uses++;
		return true;
	}

	docket(court: string, docket: string): Record<string, unknown> {
		const found = this.cases.find((entry) => entry.court === court && entry.docket === docket);
		if (!found)
			throw Object.assign(new Error(`Could not find docket ${docket} in ${court}`), {
				status: 200,
			});
		const base = `${this.url}/cases/${court.replace(/\W+/g, '_')}/${docket.replace(/:/g, '--')}/${found.title.replace(/\W+/g, '_')}/docs`;
		const entry = (number: number, day: number, contents: string, withLink = true) => ({
			number,
			date: usDate(day),
			entry_date: usDate(day),
			contents,
			link: withLink ? `${base}/${number}.pdf` : null,
			link_viewer: withLink ? `${base}/${number}` : null,
			exhibits:
				number === 3 ? [{ exhibit: '1', link: `${base}/3/1.pdf`, link_viewer: `${base}/3/1` }] : [],
		});
		return {
			info: {
				title: found.title,
				date_filed: found.date_filed,
				judge: 'Judge Sandbox',
				nature_of_suit: '830 Patent',
			},
			docket_report: [
				entry(3, 40, 'MOTION to dismiss'),
				entry(2, 20, 'ANSWER to complaint'),
				entry(1, 1, 'COMPLAINT'),
				entry(999, 41, 'SEALED document'),
			],
			parties: [
				{
					name: 'Acme Corp.',
					type: 'Plaintiff',
					counsel: [{ name: 'A. Lawyer', firm: 'Firm LLP', email: 'a@firm.example' }],
				},
				{ name: 'Globex Inc.', type: 'Defendant' },
			],
		};
	}

	/** The API endpoints Docket Alarm documents (after the login token is checked), one route each. */
	private readonly routes: Array<Route<DocketAlarmCall>> = [
		{
			method: 'GET',
			path: '/api/v1/searchpacer/',
			handle: ({ res, url }) => this.json(res, 200, this.searchPacer(url.searchParams)),
		},
		{
			method: 'GET',
			path: '/api/v1/search/',
			handle: ({ res, query }) => this.json(res, 200, this.search(query)),
		},
		{
			method: 'GET',
			path: '/api/v1/searchdirect/',
			handle: ({ res, query }) =>
				this.json(
					res,
					200,
					query.court
						? this.courtForm(query.court)
						: { success: true, courts: [STATE_COURT, 'Patent Trial and Appeal Board'] },
				),
		},
		{
			method: 'POST',
			path: '/api/v1/searchdirect/',
			handle: ({ res, form }) => this.json(res, 200, this.searchDirect(form)),
		},
		{
			method: 'GET',
			path: '/api/v1/getdocket/',
			handle: ({ res, query, test }) =>
				this.json(res, 200, {
					success: true,
					...this.docket(query.court, query.docket),
					...(test ? { test: true } : {}),
				}),
		},
		{
			method: 'GET',
			path: '/api/v1/track/',
			handle: ({ res, query }) =>
				this.json(res, 200, {
					success: true,
					dockets: this.trackers.slice(
						Number(query.offset ?? 0),
						Number(query.offset ?? 0) + Math.min(Number(query.limit ?? 25), 50),
					),
				}),
		},
		{
			method: 'POST',
			path: '/api/v1/track/',
			handle: async ({ res, form, test }) => this.json(res, 200, await this.track(form, test)),
		},
		{
			method: 'GET',
			path: '/api/v1/subaccount/',
			handle: ({ res }) =>
				this.json(res, 200, {
					success: true,
					subaccounts: [...this.subaccounts.values()]
						.filter((account) => account.enabled)
						.map(({ username }) => ({ username })),
				}),
		},
		{
			method: 'POST',
			path: '/api/v1/subaccount/',
			handle: ({ res, form }) => this.json(res, 200, this.subaccount(form)),
		},
	];

	protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
		const url = new URL(req.url ?? '/', this.url);
		const method = req.method ?? 'GET';
		if (url.pathname.startsWith('/_sim/'))
			return await this.control(method, url.pathname, req, res);
		const query = Object.fromEntries(url.searchParams);
		const form = method === 'POST' ? await this.form(req) : {};
		const field = (name: string) => form[name]?.[0] ?? query[name];
		const test = url.searchParams.has('test') || 'test' in form;
		const call = this.logEntry(req);
		call.test = test;

		if (url.pathname.startsWith('/cases/')) {
			call.authorized = this.authorize(req, field('login_token'));
			if (!call.authorized)
				return this.json(res, 401, { success: false, error: 'Invalid or expired login_token' });
			const name = url.pathname.split('/').pop()!;
			if (!name.endsWith('.pdf'))
				return this.json(res, 404, { success: false, error: 'No such document' });
			if (name === '999.pdf')
				return this.json(res, 403, { success: false, error: 'This document is sealed' });
			if (url.searchParams.has('cached') && name === '2.pdf')
				return this.json(res, 412, { success: false, error: 'Document not in cache' });
			res.writeHead(200, {
				'Content-Type': 'application/pdf',
				'Content-Length': this.documentBytes,
			});
			if (this.documentBytes <= STREAM_CHUNK)
				return res.end(simulatedPdf(url.pathname, this.documentBytes));
			// Large documents: one chunk of the same pattern, written over and over at the client's pace.
			const chunk = simulatedPdf(url.pathname, STREAM_CHUNK);
			for (let sent = 0; sent < this.documentBytes; sent += STREAM_CHUNK) {
				const part =
					sent + STREAM_CHUNK <= this.documentBytes
						? chunk
						: chunk.subarray(0, this.documentBytes - sent);
				if (!res.write(part))
					await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
				if (res.destroyed) return;
			}
			return res.end();
		}

		const endpoint = url.pathname.replace(/^\/api\/v1\//, '');
		if (endpoint === 'login/' && method === 'POST') {
			if (field('username') !== this.username || field('password') !== this.password) {
				return this.json(res, 200, { success: false, error: 'Username or password is incorrect' });
			}
			this.logins++;
			return this.json(res, 200, { success: true, login_token: this.issueToken() });
		}
		call.authorized = this.authorize(req, field('login_token'));
		if (!call.authorized) {
			// The guide says JSON endpoints answer 200 even on failure.
			return this.json(res, 200, {
				success: false,
				error: 'Invalid or expired login_token. Please log in again.',
			});
		}
		const clientMatter = field('client_matter') ?? '';
		if (clientMatter.length > 50)
			return this.json(res, 200, { success: false, error: 'client_matter is too long' });

		try {
			const routed = await this.route(this.routes, req, res, url.pathname, { form, test });
			if (routed) return routed.answered;
		} catch (error) {
			return this.json(res, 200, { success: false, error: (error as Error).message });
		}
		return this.json(res, 404, { success: false, error: `No endpoint ${method} ${endpoint}` });
	}

	private searchPacer(params: URLSearchParams) {
		const party = (params.get('party_name') ?? '').toLowerCase();
		const matches = this.cases.filter(
			(entry) => !party || entry.title.toLowerCase().includes(party),
		);
		const page = Number(params.get('page') ?? 1);
		const pages = Math.max(1, Math.ceil(matches.length / 50));
		return {
			success: true,
			// The vendor under-reports page_max on page 1 for large result sets.
			page_max: page === 1 && pages > 1 ? 1 : pages,
			search_results: matches
				.slice((page - 1) * 50, page * 50)
				.map((entry) => ({ ...entry, link: `${this.url}/cases/x`, nature_of_suit: '830' })),
		};
	}

	private readonly scrolls = new Map<string, { matches: SimCase[]; position: number }>();

	private search(query: Record<string, string>) {
		const needle = (query.q ?? '')
			.replace(/is:docket/g, '')
			.trim()
			.toLowerCase();
		const matches = this.cases.filter(
			(entry) => !needle || entry.title.toLowerCase().includes(needle),
		);
		const limit = Math.min(Number(query.limit ?? 10), 50);
		const shape = (entries: SimCase[]) =>
			entries.map((entry) => ({ result_type: 'docket', ...entry, link: `${this.url}/cases/x` }));
		const issue = (state: { matches: SimCase[]; position: number }) => {
			const token = randomBytes(12).toString('base64');
			this.scrolls.set(token, state);
			return token;
		};
		if (query.scroll) {
			const state = this.scrolls.get(query.scroll);
			if (!state) throw new Error('Invalid scroll');
			this.scrolls.delete(query.scroll);
			const page = state.matches.slice(state.position, state.position + limit);
			return {
				success: true,
				count: matches.length,
				search_results: shape(page),
				scroll: issue({ ...state, position: state.position + page.length }),
			};
		}
		if (query.scroll_parallel !== undefined) {
			const bins = Number(query.scroll_parallel);
			const index = Number(query.scroll_index ?? 0);
			if (!(bins >= 1) || index >= bins)
				throw new Error('scroll_parallel must be at least 1 and scroll_index below it');
			const binMatches = matches.filter((_, position) => position % bins === index);
			const page = binMatches.slice(0, limit);
			return {
				success: true,
				count: matches.length,
				search_results: shape(page),
				scroll: issue({ matches: binMatches, position: page.length }),
			};
		}
		const offset = Number(query.offset ?? 0);
		if (offset + limit >= 1000) throw new Error('offset plus limit must be less than 1000');
		return {
			success: true,
			count: matches.length,
			search_results: shape(matches.slice(offset, offset + limit)),
		};
	}

	private courtForm(court: string) {
		if (court !== STATE_COURT)
			return {
				success: true,
				required: ['court'],
				optional: ['docketnum', 'party_name'],
				choices: {},
			};
		return {
			success: true,
			required: ['court', 'party_name'],
			optional: ['docketnum', 'county', 'date_filed_start'],
			choices: { county: ['Philadelphia', 'Bucks'] },
		};
	}

	private searchDirect(form: Record<string, string[]>) {
		const court = form.court?.[0] ?? '';
		const required = this.courtForm(court).required;
		const missing = required.filter((name) => !form[name]?.[0]);
		if (missing.length) throw new Error(`Missing required fields: ${missing.join(', ')}`);
		return {
			success: true,
			search_results: [
				{
					title: `Commonwealth v. ${form.party_name?.[0] ?? 'Doe'}`,
					court,
					docket: 'CP-51-CR-0001234-2024',
					date_filed: '3/4/2024',
					link: `${this.url}/cases/y`,
				},
			],
		};
	}

	private async track(form: Record<string, string[]>, test: boolean) {
		if (test && !form.court && !form.q) {
			// "POST track/ with test" sends a fake push to the push URL.
			if (this.pushUrl) await this.push(this.docketPush(1));
			return { success: true };
		}
		const court = form.court?.[0] ?? '';
		const docket = form.docket?.[0] ?? '';
		const q = form.q?.[0] ?? '';
		if (q && (court || docket))
			throw new Error('court and docket must be blank for a search tracker');
		if (!q && !this.cases.some((entry) => entry.court === court && entry.docket === docket))
			throw new Error(`Could not find docket ${docket} in ${court}`);
		const enable = form.enable?.[0] === 'true';
		let tracker = this.trackers.find(
			(entry) => entry.court === court && entry.docket === docket && entry.q === q,
		);
		if (!tracker) {
			tracker = {
				court,
				docket,
				q,
				title: q ? `Search: ${q}` : this.cases.find((entry) => entry.docket === docket)!.title,
				enabled: false,
				frequency: 'twice_daily',
				client_matter: '',
				last_updated: null,
			};
			this.trackers.push(tracker);
		}
		tracker.enabled = enable;
		if (form.frequency?.[0]) tracker.frequency = form.frequency[0];
		if (form.client_matter?.[0] !== undefined) tracker.client_matter = form.client_matter[0];
		return { success: true };
	}

	private subaccount(form: Record<string, string[]>) {
		const username = form.username?.[0] ?? '';
		const password = form.password?.[0] ?? '';
		if (username.split('@')[1] !== this.username.split('@')[1])
			throw new Error('Sub accounts must be on the master account’s email domain');
		const existing = this.subaccounts.get(username);
		if (existing && existing.password !== password) throw new Error('Password is incorrect');
		const account = existing ?? { username, password, enabled: true, api_push_url: '' };
		if (!existing && !form.name?.[0]) throw new Error('name is required to create a sub account');
		if (form.name?.[0]) account.name = form.name[0];
		if (form.enable?.[0]) account.enabled = form.enable[0] === 'true';
		if (form.api_push_url) account.api_push_url = form.api_push_url[0];
		this.subaccounts.set(username, account);
		return { success: true };
	}

	private async control(
		method: string,
		path: string,
		req: http.IncomingMessage,
		res: http.ServerResponse,
	) {
		if (path === '/_sim/sink' && method === 'POST') {
			this.sink.push(JSON.parse((await this.readBody(req)).toString('utf8') || '{}'));
			return this.json(res, 200, { received: true });
		}
		if (path === '/_sim/sink') return this.json(res, 200, this.sink);
		if (path === '/_sim/push' && method === 'POST') {
			const target =
				[...this.subaccounts.values()].find((account) => account.api_push_url)?.api_push_url ||
				this.pushUrl;
			if (!target) return this.json(res, 409, { message: 'no push URL configured' });
			return this.json(res, 200, await this.push(this.docketPush(2), target));
		}
		if (path === '/_sim/state') {
			return this.json(res, 200, {
				logins: this.logins,
				trackers: this.trackers,
				subaccounts: [...this.subaccounts.values()].map((account) => ({
					username: account.username,
					name: account.name,
					enabled: account.enabled,
					api_push_url: account.api_push_url,
				})),
				pushes: this.pushes.map(({ url, status }) => ({
					url: url.replace(/\/\/[^@/]*@/, '//***@'),
					status,
				})),
			});
		}
		return this.json(res, 404, { message: `No control route ${method} ${path}` });
	}
}
