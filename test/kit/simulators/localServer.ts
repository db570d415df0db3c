/**
 * What every vendor simulator shares: an HTTP server on 127.0.0.1 only, kept-alive sockets that
 * outlast n8n's pauses between calls, a fixed latency per API call (benchmarks), faults switched on
 * by tests (`npm run test:hard`), JSON answers, and body reading.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The ways a vendor (or what stands between it and n8n) can fail an API call. */
export const FAULT_KINDS = [
	'http500',
	'http502',
	'http503',
	'reset',
	'stall',
	'malformedJson',
	'htmlPage',
	'emptyBody',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
	kind: FaultKind;
	/** Matches `METHOD /path?query`, e.g. /^POST \/v1\/contracts/. */
	match: RegExp;
	/**
	 * 'before': the vendor never handles the call. 'after': the vendor handles it (a record is
	 * created) and the answer is lost on the way back, the case that must not be blindly re-sent.
	 */
	when?: 'before' | 'after';
	/** Matching calls let through before the first spoiled one. */
	skip?: number;
	/** Matching calls spoiled (default 1; Infinity for all). */
	times?: number;
	/** Spoils only every n-th matching call (sporadic faults under a whole workflow). */
	every?: number;
}

interface ActiveFault extends FaultRule {
	seen: number;
	spoiled: number;
}

/** One spoiled call, for the test's account of what it tried. */
export interface ServedFault {
	kind: FaultKind;
	call: string;
	when: 'before' | 'after';
}

/** One API call as a simulator saw it: the one request-log shape of the four simulators. */
export interface LoggedRequest {
	/** `METHOD /path?query`, as fault rules match it. */
	call: string;
	method: string;
	/** The path, without the query. */
	path: string;
	query: Record<string, string>;
	/** The status answered (0 while unanswered, or for a stalled or cut connection). */
	status: number;
	/** Whether the call's credential was accepted, for simulators that check one on every call. */
	authorized?: boolean;
	/** Docket Alarm: whether the call asked for test mode. */
	test?: boolean;
}

/** What a route's handler is given. */
export interface RouteCall {
	req: http.IncomingMessage;
	res: http.ServerResponse;
	url: URL;
	/** The query, one value per key. */
	query: Record<string, string>;
	/** The path's named parts (`:contractId` → params.contractId). */
	params: Record<string, string>;
}

/** One endpoint a simulator serves: the method, the path (`:name` for one segment) and its handler. */
export interface Route<Extra = object> {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: string;
	/** Answers the call; `Extra` is what the simulator read before routing (a form, say). */
	handle(call: RouteCall & Extra): unknown;
}

/** The first route of the table for a method and path, with the path's named parts. */
export function findRoute<Extra>(
	routes: Array<Route<Extra>>,
	method: string,
	pathname: string,
): { route: Route<Extra>; params: Record<string, string> } | undefined {
	const segments = pathname.split('/').filter(Boolean);
	for (const route of routes) {
		if (route.method !== method) continue;
		const pattern = route.path.split('/').filter(Boolean);
		if (pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		const matches = pattern.every((part, index) => {
			if (part.startsWith(':')) {
				params[part.slice(1)] = decodeURIComponent(segments[index]);
				return true;
			}
			return part === segments[index];
		});
		if (matches) return { route, params };
	}
	return undefined;
}

export abstract class LocalServer {
	private server?: http.Server;
	/** Added to every API call (not to the /_sim test controls), as a network and vendor would. */
	latencyMs = 0;
	/** API calls answered so far (test controls not counted). */
	apiRequests = 0;
	/** API calls being answered right now, and the most at once so far (resettable by a test). */
	inFlight = 0;
	peakInFlight = 0;
	private faults: ActiveFault[] = [];
	/** Every token the simulator handed out: none may ever show up in n8n's data or log. */
	readonly issuedSecrets: string[] = [];
	/** Every API call, in order of arrival. */
	readonly requestLog: LoggedRequest[] = [];
	private readonly logEntries = new WeakMap<http.IncomingMessage, LoggedRequest>();
	/** Every call a fault spoiled, in order. */
	readonly servedFaults: ServedFault[] = [];

	/**
	 * Answers a call from a route table: the route's handler, or undefined when no route matches
	 * (the simulator then answers its own 404).
	 */
	protected async route<Extra = object>(
		routes: Array<Route<Extra>>,
		req: http.IncomingMessage,
		res: http.ServerResponse,
		pathname?: string,
		extra?: Extra,
	): Promise<{ answered: unknown } | undefined> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const found = findRoute(routes, req.method ?? 'GET', pathname ?? url.pathname);
		if (!found) return undefined;
		const query = Object.fromEntries(url.searchParams);
		const call = { req, res, url, query, params: found.params, ...(extra as Extra) };
		return { answered: await found.route.handle(call) };
	}

	/** The log entry of a call being answered, for what only the simulator knows (was it let in). */
	protected logEntry(req: http.IncomingMessage): LoggedRequest {
		return (
			this.logEntries.get(req) ??
			({ call: '', method: '', path: '', query: {}, status: 0 } as LoggedRequest)
		);
	}

	/** Answers one request. */
	protected abstract handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown>;

	/** The body the vendor would send with an unexpected 500. */
	protected abstract internalError(error: Error): unknown;

	async start(port = 0): Promise<string> {
		this.server = http.createServer((req, res) => {
			const control = req.url?.startsWith('/_sim/') ?? false;
			if (!control) {
				this.apiRequests++;
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const entry: LoggedRequest = {
					call: `${req.method} ${req.url}`,
					method: req.method ?? 'GET',
					path: url.pathname,
					query: Object.fromEntries(url.searchParams),
					status: 0,
				};
				this.requestLog.push(entry);
				this.logEntries.set(req, entry);
				res.on('finish', () => (entry.status = res.statusCode));
				this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight);
				res.on('close', () => this.inFlight--);
			}
			const pause =
				this.latencyMs && !control
					? new Promise((resolve) => setTimeout(resolve, this.latencyMs))
					: Promise.resolve();
			const fault = control ? undefined : this.takeFault(req);
			pause
				.then(
					async () => await (fault ? this.handleWithFault(fault, req, res) : this.handle(req, res)),
				)
				.catch((error: Error) => {
					if (!res.headersSent) this.json(res, 500, this.internalError(error));
				});
		});
		// Longer than any pause n8n makes between two calls on a pooled socket.
		this.server.keepAliveTimeout = 120_000;
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		return this.url;
	}

	/** Switches a fault on; it spoils the matching calls it is told to, then lets calls through. */
	addFault(rule: FaultRule): void {
		this.faults.push({ when: 'before', skip: 0, times: 1, ...rule, seen: 0, spoiled: 0 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	private takeFault(req: http.IncomingMessage): ActiveFault | undefined {
		const call = `${req.method} ${req.url}`;
		for (const fault of this.faults) {
			if (!fault.match.test(call) || fault.spoiled >= fault.times!) continue;
			if (fault.seen++ < fault.skip!) continue;
			if (fault.every && (fault.seen - fault.skip!) % fault.every !== 0) continue;
			fault.spoiled++;
			this.servedFaults.push({ kind: fault.kind, call, when: fault.when! });
			return fault;
		}
		return undefined;
	}

	private async handleWithFault(
		fault: ActiveFault,
		req: http.IncomingMessage,
		res: http.ServerResponse,
	): Promise<void> {
		if (fault.when === 'after') {
			// The vendor does the work; its answer is thrown away and the fault sent instead.
			const original = {
				writeHead: res.writeHead,
				write: res.write,
				end: res.end,
				setHeader: res.setHeader,
			};
			Object.assign(res, {
				writeHead: () => res,
				write: () => true,
				end: () => res,
				setHeader: () => res,
			});
			await this.handle(req, res);
			Object.assign(res, original);
		} else if (fault.kind !== 'reset') {
			await this.readBody(req);
		}
		const send = (
			status: number,
			contentType: string,
			body: string,
			headers: Record<string, string> = {},
		) => {
			res.writeHead(status, {
				'Content-Type': contentType,
				'Content-Length': Buffer.byteLength(body),
				...headers,
			});
			res.end(body);
		};
		switch (fault.kind) {
			case 'http500':
				return this.json(res, 500, this.internalError(new Error('Simulated server error')));
			case 'http502':
				return send(
					502,
					'text/html',
					'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
				);
			case 'http503':
				return this.json(
					res,
					503,
					{ error: 'Service temporarily unavailable' },
					{ 'Retry-After': '1' },
				);
			case 'reset':
				req.socket.destroy();
				return;
			case 'stall':
				// Never answers; the connection stays open until the client gives up (or the server stops).
				return;
			case 'malformedJson':
				return send(
					200,
					'application/json; charset=utf-8',
					'{"id": 1, "name": "cut off in the mid',
				);
			case 'htmlPage':
				return send(
					200,
					'text/html',
					'<!DOCTYPE html><html><body><h1>Scheduled maintenance</h1><p>Back soon.</p></body></html>',
				);
			case 'emptyBody':
				return send(200, 'application/json; charset=utf-8', '');
		}
	}

	get running(): boolean {
		return this.server !== undefined;
	}

	get port(): number {
		return (this.server!.address() as AddressInfo).port;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	protected json(
		res: http.ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
	): void {
		const text = JSON.stringify(body);
		res.writeHead(status, {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': Buffer.byteLength(text),
			...headers,
		});
		res.end(text);
	}

	protected async readBody(req: http.IncomingMessage): Promise<Buffer> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	}
}
