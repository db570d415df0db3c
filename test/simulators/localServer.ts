/**
 * What every vendor simulator shares: an HTTP server on 127.0.0.1 only, kept-alive sockets that
 * outlast n8n's pauses between calls, a fixed latency per API call (benchmarks), JSON answers, and
 * body reading.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export abstract class LocalServer {
	private server?: http.Server;
	/** Added to every API call (not to the /_sim test controls), as a network and vendor would. */
	latencyMs = 0;
	/** API calls answered so far (test controls not counted). */
	apiRequests = 0;

	/** Answers one request. */
	protected abstract handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown>;

	/** The body the vendor would send with an unexpected 500. */
	protected abstract internalError(error: Error): unknown;

	async start(port = 0): Promise<string> {
		this.server = http.createServer((req, res) => {
			const control = req.url?.startsWith('/_sim/') ?? false;
			if (!control) this.apiRequests++;
			const pause = this.latencyMs && !control ? new Promise((resolve) => setTimeout(resolve, this.latencyMs)) : Promise.resolve();
			pause.then(async () => await this.handle(req, res)).catch((error: Error) => {
				if (!res.headersSent) this.json(res, 500, this.internalError(error));
			});
		});
		// Longer than any pause n8n makes between two calls on a pooled socket.
		this.server.keepAliveTimeout = 120_000;
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		return this.url;
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

	protected json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
		const text = JSON.stringify(body);
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
		res.end(text);
	}

	protected async readBody(req: http.IncomingMessage): Promise<Buffer> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	}
}
