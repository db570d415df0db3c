/**
 * A local DocJuris: the documented API (v1) with its `{meta, response}` envelope, Basic auth,
 * multipart uploads, documents per turn and state, catalogue paging, and subscriptions that really
 * POST events to the registered URLs. Serves on 127.0.0.1 only. Used by the end-to-end tests and by
 * `npm start`. Test controls live under /_sim (never part of the vendor API).
 */
import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';

import { LocalServer, type Route, type RouteCall } from './localServer';

export interface DocJurisSimulatorOptions {
	accountId?: string;
	apiKey?: string;
	/** Fixed delay added to every API response, in milliseconds (benchmarks). */
	/** Number of contract types to seed (exercises paging). */
	contractTypeCount?: number;
}

interface StoredFile {
	fileName: string;
	mimeType: string;
	size: number;
	sha256: string;
	/** Kept only for files up to 16 MiB; larger uploads are counted and hashed. */
	content?: Buffer;
}

interface Turn {
	id: string;
	contractId: string;
	source: string;
	description: string;
	isComplete: boolean;
	lastModified: string;
	extendedData?: unknown;
	tags: Array<{ id: string; name: string; description: string }>;
	file: StoredFile;
}

interface Contract {
	id: string;
	name: string;
	description: string;
	counterParty: { id: number; name: string };
	type: { id: number; name: string; description: string };
	playbookId?: number;
	owningUserEmail?: string;
	extendedData?: unknown;
	turnIds: string[];
	lastModified: string;
}

interface Subscription {
	id: string;
	type: string;
	webhookUrl: string;
	created: string;
}

export interface Delivery {
	subscriptionId: string;
	url: string;
	status: number;
	message: Record<string, unknown>;
}

const EVENT_TYPES = [
	'turnCompleted',
	'turnTagged',
	'turnCreated',
	'turnMention',
	'screeningReportUpdated',
];
const TAGS: Record<string, { id: string; name: string; description: string }> = {
	'1ccc94a7-e71b-4e03-9bb9-995a6a63f568': {
		id: '1ccc94a7-e71b-4e03-9bb9-995a6a63f568',
		name: 'Execution Copy',
		description: 'Imported is execution copy',
	},
	'56651238-5584-40e6-8957-d8ddcb3ea689': {
		id: '56651238-5584-40e6-8957-d8ddcb3ea689',
		name: 'Execution Copy',
		description: 'Exported is execution copy',
	},
};
const KEEP_CONTENT_UP_TO = 16 * 1024 * 1024;

const now = () => new Date().toISOString().replace('Z', '0000Z');

export class DocJurisSimulator extends LocalServer {
	readonly accountId: string;
	readonly apiKey: string;
	readonly contractTypes: Array<{ id: number; name: string; description: string }>;
	readonly playbooks = [
		{
			id: 1,
			name: 'Standard NDA playbook',
			contractType: { id: 1, name: 'NDA', description: 'Non-disclosure agreement' },
		},
		{
			id: 2,
			name: 'Vendor MSA playbook',
			contractType: { id: 2, name: 'MSA', description: 'Master services agreement' },
		},
	];
	readonly counterParties: Array<{ id: number; name: string }> = [{ id: 1, name: 'Company A' }];
	readonly contracts = new Map<string, Contract>();
	readonly turns = new Map<string, Turn>();
	readonly imports = new Map<string, { id: string; extendedData?: unknown; file: StoredFile }>();
	readonly subscriptions = new Map<string, Subscription>();
	readonly messages = new Map<string, Array<Record<string, unknown>>>();
	readonly deliveries: Delivery[] = [];
	/** JSON bodies posted to /_sim/sink by test workflows. */
	readonly sink: unknown[] = [];

	constructor(options: DocJurisSimulatorOptions = {}) {
		super();
		this.accountId = options.accountId ?? 'sandbox-account';
		this.apiKey = options.apiKey ?? 'sandbox-api-key';
		const named = [
			{ id: 1, name: 'NDA', description: 'Non-disclosure agreement' },
			{ id: 2, name: 'MSA', description: 'Master services agreement' },
			{ id: 3, name: 'SOW', description: 'Statement of work' },
		];
		const extra = Math.max(0, (options.contractTypeCount ?? named.length) - named.length);
		this.contractTypes = [
			...named,
			...Array.from({ length: extra }, (_, index) => ({
				id: index + 4,
				name: `Type ${String(index + 4).padStart(4, '0')}`,
				description: '',
			})),
		];
	}

	get apiBaseUrl(): string {
		return `${this.url}/v1`;
	}

	// ---- controls used by tests and the sandbox ----

	/** The latest turn of a contract (the one a new turn must name). */
	latestTurnId(contractId: string): string {
		const turnIds = this.contracts.get(contractId.toLowerCase())!.turnIds;
		return turnIds[turnIds.length - 1];
	}

	/** Marks a turn complete (as a DocJuris user would) and notifies turnCompleted subscribers. */
	async completeTurn(turnId: string): Promise<void> {
		const turn = this.turns.get(turnId.toLowerCase());
		if (!turn) throw new Error(`no turn ${turnId}`);
		turn.isComplete = true;
		turn.lastModified = now();
		await this.notify('turnCompleted', turn);
	}

	/** Sends an event of the given type about a turn to every subscriber of that type. */
	async notify(type: string, turn: Turn, extra: Record<string, unknown> = {}): Promise<Delivery[]> {
		const sent: Delivery[] = [];
		for (const subscription of this.subscriptions.values()) {
			if (subscription.type !== type) continue;
			const message: Record<string, unknown> = {
				messageId: randomUUID().toUpperCase(),
				// The vendor's own example sends PascalCase here.
				type: type === 'turnMention' ? 'turnMention' : type.charAt(0).toUpperCase() + type.slice(1),
				contractId: turn.contractId.toUpperCase(),
				turnId: turn.id,
				sentOn: now(),
				extendedData: turn.extendedData ?? { namedValues: [] },
				tags: turn.tags,
				url: `https://api.docjuris.com/v1/contracts/${turn.contractId}/turns/${turn.id}`,
				...extra,
			};
			if (type === 'turnMention') {
				message.mention = {
					text: '@joe take a look at this',
					mentioningUser: {
						firstName: 'Paul',
						lastName: 'Bunyan',
						userName: 'paul@lumberjacks.example',
					},
					mentionedUser: { firstName: 'Joe', lastName: 'Flenderson', userName: 'joe@firm.example' },
					commentId: randomUUID().toUpperCase(),
					url: `https://app.docjuris.com/contracts/1/turns/${turn.id}?commentId=x`,
				};
			}
			const delivery = await this.deliver(subscription, message);
			sent.push(delivery);
		}
		return sent;
	}

	/** Posts a message to a subscription's URL (also used to replay a delivery or send a forged one). */
	async deliver(
		subscription: Pick<Subscription, 'id' | 'webhookUrl'>,
		message: Record<string, unknown>,
	): Promise<Delivery> {
		let status = 0;
		try {
			const response = await fetch(subscription.webhookUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(message),
			});
			status = response.status;
			await response.arrayBuffer();
		} catch {
			status = -1;
		}
		const delivery = {
			subscriptionId: subscription.id,
			url: subscription.webhookUrl,
			status,
			message,
		};
		this.deliveries.push(delivery);
		const list = this.messages.get(subscription.id) ?? [];
		list.push({
			messageId: message.messageId,
			type: message.type,
			url: message.url,
			contractId: message.contractId,
			turnId: message.turnId,
			sentOn: message.sentOn,
		});
		this.messages.set(subscription.id, list);
		return delivery;
	}

	/** Seeds a contract with one turn (for the sandbox and tests that start from an existing contract). */
	seedContract(name = 'Sandbox NDA', content = Buffer.from('sandbox contract body')): Contract {
		const contract = this.createContract(
			{ name, contractTypeId: '1', counterPartyName: 'Company A' },
			this.storeFile(
				'sandbox.docx',
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				content,
			),
		);
		return contract;
	}

	// ---- HTTP ----

	private ok(res: http.ServerResponse, response: unknown, status = 200) {
		this.json(res, status, { meta: { code: status, errors: [] }, response });
	}

	private fail(res: http.ServerResponse, status: number, type: string, message: string) {
		this.json(res, status, {
			meta: { code: status, errors: [{ type, message, data: {} }] },
			response: null,
		});
	}

	private authorized(req: http.IncomingMessage): boolean {
		const header = req.headers.authorization ?? '';
		if (!header.startsWith('Basic ')) return false;
		const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
		return user === this.accountId && rest.join(':') === this.apiKey;
	}

	protected internalError(error: Error): unknown {
		return { meta: { code: 500, errors: [{ type: 'ServerError', message: error.message }] } };
	}

	private async readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
		const text = (await this.readBody(req)).toString('utf8');
		if (!text) return {};
		try {
			return JSON.parse(text);
		} catch {
			return { __invalid: text };
		}
	}

	private readMultipart(
		req: http.IncomingMessage,
	): Promise<{ fields: Record<string, string[]>; file?: StoredFile }> {
		return new Promise((resolve, reject) => {
			const fields: Record<string, string[]> = {};
			let file: StoredFile | undefined;
			const parser = busboy({
				headers: req.headers,
				limits: { fileSize: Number.MAX_SAFE_INTEGER },
			});
			parser.on('field', (name, value) => (fields[name] ??= []).push(value));
			parser.on('file', (_name, stream, info) => {
				const hash = createHash('sha256');
				const kept: Buffer[] = [];
				let size = 0;
				stream.on('data', (chunk: Buffer) => {
					hash.update(chunk);
					size += chunk.length;
					if (size <= KEEP_CONTENT_UP_TO) kept.push(chunk);
				});
				stream.on('end', () => {
					file = {
						fileName: info.filename ?? '',
						mimeType: info.mimeType,
						size,
						sha256: hash.digest('hex'),
						content: size <= KEEP_CONTENT_UP_TO ? Buffer.concat(kept) : undefined,
					};
				});
			});
			parser.on('close', () => resolve({ fields, file }));
			parser.on('error', reject);
			req.pipe(parser);
		});
	}

	private storeFile(fileName: string, mimeType: string, content: Buffer): StoredFile {
		return {
			fileName,
			mimeType,
			size: content.length,
			sha256: createHash('sha256').update(content).digest('hex'),
			content,
		};
	}

	private contractView(contract: Contract) {
		const turns = contract.turnIds.map((id) => this.turns.get(id)!);
		return {
			id: contract.id,
			name: contract.name,
			description: contract.description,
			lastModified: contract.lastModified,
			counterParty: contract.counterParty,
			type: contract.type,
			turns: turns.map((turn) => ({
				id: turn.id,
				changeCount: 0,
				isComplete: turn.isComplete,
				lastModified: turn.lastModified,
				source: turn.source,
			})),
			latestTurnId: contract.turnIds[contract.turnIds.length - 1],
			extendedData: contract.extendedData ?? { namedValues: [] },
			urls: {
				app: `https://app.docjuris.com/contracts/${contract.id}`,
				api: `${this.apiBaseUrl}/contracts/${contract.id}`,
				document: `${this.apiBaseUrl}/contracts/${contract.id}/document`,
			},
		};
	}

	private turnView(turn: Turn) {
		const contract = this.contracts.get(turn.contractId)!;
		return {
			id: turn.id,
			lastModified: turn.lastModified,
			source: turn.source,
			description: turn.description,
			importedFileName: turn.file.fileName,
			isComplete: turn.isComplete,
			isLatest: contract.turnIds[contract.turnIds.length - 1] === turn.id,
			type: contract.type,
			counterParty: contract.counterParty,
			extendedData: turn.extendedData ?? contract.extendedData ?? { namedValues: [] },
			tags: turn.tags,
			urls: {
				app: `https://app.docjuris.com/contracts/${contract.id}/turns/${turn.id}`,
				api: `${this.apiBaseUrl}/contracts/${contract.id}/turns/${turn.id}`,
				document: `${this.apiBaseUrl}/contracts/${contract.id}/turns/${turn.id}/document`,
			},
		};
	}

	private createContract(fields: Record<string, string | undefined>, file: StoredFile): Contract {
		const type = fields.contractTypeId
			? this.contractTypes.find((candidate) => candidate.id === Number(fields.contractTypeId))
			: this.contractTypes.find(
					(candidate) => candidate.name.toLowerCase() === String(fields.contractType).toLowerCase(),
				);
		if (!type)
			throw Object.assign(new Error('Contract type does not match a contract type in DocJuris'), {
				status: 400,
			});
		let counterParty = fields.counterPartyId
			? this.counterParties.find((candidate) => candidate.id === Number(fields.counterPartyId))
			: this.counterParties.find(
					(candidate) =>
						candidate.name.toLowerCase() ===
						String(fields.counterPartyName ?? fields.counterParty).toLowerCase(),
				);
		if (!counterParty && fields.counterPartyId)
			throw Object.assign(new Error('Unknown counterparty'), { status: 400 });
		if (!counterParty) {
			counterParty = {
				id: this.counterParties.length + 1,
				name: String(fields.counterPartyName ?? fields.counterParty),
			};
			this.counterParties.push(counterParty);
		}
		const contract: Contract = {
			id: randomUUID(),
			name: fields.name || file.fileName.replace(/\.[^.]+$/, '') || 'Untitled',
			description: fields.description ?? '',
			counterParty,
			type,
			playbookId: fields.playbookId ? Number(fields.playbookId) : undefined,
			owningUserEmail: fields.owningUserEmail,
			extendedData: fields.extendedData ? JSON.parse(fields.extendedData) : undefined,
			turnIds: [],
			lastModified: now(),
		};
		this.contracts.set(contract.id, contract);
		this.addTurn(contract, { source: counterParty.name, file });
		return contract;
	}

	private addTurn(
		contract: Contract,
		input: {
			source?: string;
			description?: string;
			extendedData?: unknown;
			tags?: string[];
			file: StoredFile;
		},
	): Turn {
		const turn: Turn = {
			id: randomUUID(),
			contractId: contract.id,
			source: input.source ?? '',
			description: input.description ?? '',
			isComplete: false,
			lastModified: now(),
			extendedData: input.extendedData,
			tags: (input.tags ?? []).map((id) => TAGS[id.toLowerCase()]).filter(Boolean),
			file: input.file,
		};
		this.turns.set(turn.id, turn);
		contract.turnIds.push(turn.id);
		contract.lastModified = turn.lastModified;
		return turn;
	}

	/** The bytes DocJuris serves for a document state: the upload, or a derived document. */
	private documentFor(
		turn: Turn,
		docState: string,
	): { fileName: string; mimeType: string; content: Buffer } | { error: string } {
		const base = turn.file.fileName.replace(/\.[^.]+$/, '');
		const original =
			turn.file.content ??
			Buffer.from(`(upload of ${turn.file.size} bytes, sha256 ${turn.file.sha256})`);
		switch (docState.toLowerCase()) {
			case 'imported':
				return { fileName: turn.file.fileName, mimeType: turn.file.mimeType, content: original };
			case 'original':
				return {
					fileName: `${base}.docx`,
					mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					content: original,
				};
			case 'completedwithmarkup':
			case 'completedclean':
				if (!turn.isComplete) return { error: 'The turn is not complete' };
				return {
					fileName: `${base} (${docState.toLowerCase() === 'completedclean' ? 'clean' : 'redline'}).docx`,
					mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					content: Buffer.concat([Buffer.from(`[${docState}] `), original]),
				};
			case 'screeningreport':
			case 'contractscreeningreport':
				return {
					fileName: `${base} screening report.xlsx`,
					mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
					content: Buffer.from(`screening report for ${turn.id}`),
				};
			default:
				return { error: `Unknown docState ${docState}` };
		}
	}

	protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
		const url = new URL(req.url ?? '/', this.url);
		const path = url.pathname.replace(/\/+$/, '');
		const method = req.method ?? 'GET';

		if (path.startsWith('/_sim')) return await this.handleControl(method, path, req, res);

		const authorized = this.authorized(req);
		this.logEntry(req).authorized = authorized;
		if (!authorized)
			return this.fail(res, 401, 'Unauthorized', 'Missing, invalid or expired API key');
		try {
			const routed = await this.route(this.routes, req, res, path);
			if (routed) return routed.answered;
		} catch (error) {
			const status = (error as { status?: number }).status ?? 500;
			return this.fail(
				res,
				status,
				status === 400 ? 'BadRequest' : 'ServerError',
				(error as Error).message,
			);
		}
		return this.fail(res, 404, 'NotFound', `No route ${method} ${path}`);
	}

	/** The contract a path names, or a 404 answered. */
	private contractOf({ res, params }: RouteCall): Contract | undefined {
		const contract = this.contracts.get(params.contractId.toLowerCase());
		if (!contract) this.fail(res, 404, 'NotFound', 'Contract not found');
		return contract;
	}

	/** The turn of the contract a path names, or a 404 answered. */
	private turnOf(call: RouteCall): Turn | undefined {
		const contract = this.contractOf(call);
		if (!contract) return undefined;
		const turn = this.turns.get(call.params.turnId.toLowerCase());
		if (!turn || turn.contractId !== contract.id) {
			this.fail(call.res, 404, 'NotFound', 'Turn not found');
			return undefined;
		}
		return turn;
	}

	/** The subscription a path names, or a 404 answered. */
	private subscriptionOf({ res, params }: RouteCall): Subscription | undefined {
		const subscription = [...this.subscriptions.values()].find(
			(candidate) => candidate.id.toLowerCase() === params.subscriptionId.toLowerCase(),
		);
		if (!subscription) this.fail(res, 404, 'NotFound', 'Subscription not found');
		return subscription;
	}

	/** The document of a contract: its first turn's, or its last completed one's. */
	private contractDocument(call: RouteCall, meta: boolean): unknown {
		const contract = this.contractOf(call);
		if (!contract) return;
		const docState = call.query.docState ?? 'original';
		const turnId = docState.startsWith('completed')
			? contract.turnIds[contract.turnIds.length - 1]
			: contract.turnIds[0];
		return this.serveDocument(call.res, this.turns.get(turnId)!, docState, meta);
	}

	private turnDocument(call: RouteCall, meta: boolean): unknown {
		const turn = this.turnOf(call);
		if (!turn) return;
		return this.serveDocument(call.res, turn, call.query.docState ?? 'original', meta);
	}

	/** The API DocJuris documents, one route each. */
	private readonly routes: Route[] = [
		{
			method: 'GET',
			path: '/v1/contractTypes',
			handle: ({ res, query }) =>
				this.ok(res, this.page(this.contractTypes, query, 'contractTypes')),
		},
		{
			method: 'GET',
			path: '/v1/playbooks',
			handle: ({ res, query }) => this.ok(res, this.page(this.playbooks, query, 'playbooks')),
		},
		{
			method: 'POST',
			path: '/v1/contracts',
			handle: async (call) => await this.createContractCall(call),
		},
		{
			method: 'GET',
			path: '/v1/contracts/:contractId',
			handle: (call) => {
				const contract = this.contractOf(call);
				return contract && this.ok(call.res, this.contractView(contract));
			},
		},
		{
			method: 'GET',
			path: '/v1/contracts/:contractId/document',
			handle: (call) => this.contractDocument(call, false),
		},
		{
			method: 'GET',
			path: '/v1/contracts/:contractId/document/meta',
			handle: (call) => this.contractDocument(call, true),
		},
		{
			method: 'POST',
			path: '/v1/contracts/:contractId/turns',
			handle: async (call) => await this.createTurnCall(call),
		},
		{
			method: 'GET',
			path: '/v1/contracts/:contractId/turns/:turnId',
			handle: (call) => {
				const turn = this.turnOf(call);
				return turn && this.ok(call.res, this.turnView(turn));
			},
		},
		{
			method: 'GET',
			path: '/v1/contracts/:contractId/turns/:turnId/document',
			handle: (call) => this.turnDocument(call, false),
		},
		{
			method: 'GET',
			path: '/v1/contracts/:contractId/turns/:turnId/document/meta',
			handle: (call) => this.turnDocument(call, true),
		},
		{ method: 'POST', path: '/v1/imports', handle: async (call) => await this.importCall(call) },
		{
			method: 'GET',
			path: '/v1/subscriptions',
			handle: ({ res }) =>
				this.ok(
					res,
					[...this.subscriptions.values()].map(({ id, type, created }) => ({ id, type, created })),
				),
		},
		{
			method: 'GET',
			path: '/v1/subscriptions/testmessages',
			handle: ({ res, query }) =>
				this.ok(res, [
					{
						messageId: randomUUID(),
						type: query.type ?? 'turnCompleted',
						contractId: randomUUID(),
						turnId: randomUUID(),
						sentOn: now(),
						url: 'https://app.docjuris.com/contracts/1/turns/1',
					},
				]),
		},
		{
			method: 'POST',
			path: '/v1/subscriptions',
			handle: async (call) => await this.subscribeCall(call),
		},
		// The connector's older route: the type in the path.
		{
			method: 'POST',
			path: '/v1/subscriptions/:type',
			handle: async (call) =>
				EVENT_TYPES.includes(call.params.type)
					? await this.subscribeCall(call)
					: this.fail(call.res, 404, 'NotFound', 'Subscription not found'),
		},
		{
			method: 'DELETE',
			path: '/v1/subscriptions/:subscriptionId',
			handle: (call) => {
				const subscription = this.subscriptionOf(call);
				if (!subscription) return;
				this.subscriptions.delete(subscription.id);
				return this.ok(call.res, null);
			},
		},
		{
			method: 'GET',
			path: '/v1/subscriptions/:subscriptionId/messages',
			handle: (call) => {
				const subscription = this.subscriptionOf(call);
				if (!subscription) return;
				const list = this.messages.get(subscription.id) ?? [];
				const skip = Number(call.query.skip ?? 0);
				const take = Math.min(Number(call.query.take ?? 100), 200);
				return this.ok(call.res, list.slice(skip, skip + take));
			},
		},
	];

	private async createContractCall({ req, res }: RouteCall): Promise<unknown> {
		const { fields, file } = await this.readMultipart(req);
		if (!file) return this.fail(res, 400, 'BadRequest', 'A file is required');
		const flat = Object.fromEntries(
			Object.entries(fields).map(([key, values]) => [key, values[0]]),
		);
		const input = flat.input ? { ...flat, ...JSON.parse(flat.input) } : flat;
		if (!input.contractType && !input.contractTypeId)
			return this.fail(
				res,
				400,
				'BadRequest',
				'One of contractType or contractTypeId must be supplied',
			);
		if (!input.counterPartyName && !input.counterParty && !input.counterPartyId)
			return this.fail(
				res,
				400,
				'BadRequest',
				'One of counterPartyName or counterPartyId must be supplied',
			);
		if (
			req.headers.documentpassword &&
			Buffer.from(String(req.headers.documentpassword), 'base64').toString('base64') !==
				req.headers.documentpassword
		) {
			return this.fail(res, 400, 'BadRequest', 'documentPassword must be base64');
		}
		return this.ok(res, this.contractView(this.createContract(input, file)));
	}

	private async createTurnCall(call: RouteCall): Promise<unknown> {
		const { req, res } = call;
		const contract = this.contractOf(call);
		if (!contract) return;
		const { fields, file } = await this.readMultipart(req);
		if (!file) return this.fail(res, 400, 'BadRequest', 'A file is required');
		const latest = contract.turnIds[contract.turnIds.length - 1];
		const given = fields.currentTurnId?.[0];
		if (!given || given.toLowerCase() !== latest) {
			return this.fail(
				res,
				409,
				'Conflict',
				`currentTurnId ${given ?? '(none)'} is not the latest turn of the contract`,
			);
		}
		const turn = this.addTurn(contract, {
			source: fields.source?.[0],
			description: fields.description?.[0],
			extendedData: fields.extendedData
				? JSON.parse(fields.extendedData[0])
				: contract.extendedData,
			tags: fields.tags,
			file,
		});
		this.ok(res, this.turnView(turn));
		void this.notify('turnCreated', turn);
		return undefined;
	}

	private async importCall({ req, res }: RouteCall): Promise<unknown> {
		const { fields, file } = await this.readMultipart(req);
		if (!file) return this.fail(res, 400, 'BadRequest', 'A file is required');
		const imported = {
			id: randomUUID(),
			extendedData: fields.extendedData ? JSON.parse(fields.extendedData[0]) : { namedValues: [] },
			file,
		};
		this.imports.set(imported.id, imported);
		return this.ok(res, {
			id: imported.id,
			extendedData: imported.extendedData,
			urls: { app: `https://app.docjuris.com/imports/${imported.id}` },
		});
	}

	/** A subscription, by type in the body (the guide) or in the path (the connector). */
	private async subscribeCall({ req, res, params }: RouteCall): Promise<unknown> {
		const body = await this.readJson(req);
		const inPath = params.type;
		const type = String(inPath ?? body.type ?? '');
		if (!EVENT_TYPES.includes(type))
			return this.fail(res, 400, 'BadRequest', `Unknown subscription type ${type}`);
		if (typeof body.webhookUrl !== 'string' || !/^https?:\/\//.test(body.webhookUrl))
			return this.fail(res, 400, 'BadRequest', 'webhookUrl is required');
		const subscription: Subscription = {
			id: randomUUID().toUpperCase(),
			type,
			webhookUrl: body.webhookUrl,
			created: now(),
		};
		this.subscriptions.set(subscription.id, subscription);
		// The token in a callback URL is what lets a delivery in: a secret, searched for in what n8n stores.
		const token = new URL(body.webhookUrl).searchParams.get('token');
		if (token) this.issuedSecrets.push(token);
		return this.ok(
			res,
			inPath
				? { id: subscription.id, created: subscription.created }
				: { id: subscription.id, type, created: subscription.created },
			inPath ? 201 : 200,
		);
	}

	private page<T extends { id: number; name?: string; description?: string }>(
		records: T[],
		query: Record<string, string>,
		key: string,
	) {
		const skip = Number(query.skip ?? 0);
		const take = Math.min(Number(query.take ?? 200), 200);
		const sortBy = query.sortBy ?? 'name';
		const filter = (query.filter ?? '').toLowerCase();
		const filtered = records.filter(
			(record) =>
				!filter ||
				String(record.name ?? '')
					.toLowerCase()
					.includes(filter),
		);
		const sorted = [...filtered].sort((a, b) =>
			sortBy === 'id'
				? a.id - b.id
				: String((a as Record<string, unknown>)[sortBy] ?? '').localeCompare(
						String((b as Record<string, unknown>)[sortBy] ?? ''),
					),
		);
		return {
			skip,
			take,
			sortBy,
			filter: query.filter ?? null,
			totalCount: filtered.length,
			[key]: sorted.slice(skip, skip + take),
		};
	}

	private serveDocument(res: http.ServerResponse, turn: Turn, docState: string, metaOnly: boolean) {
		const document = this.documentFor(turn, docState);
		if ('error' in document) return this.fail(res, 400, 'BadRequest', document.error);
		const extension = document.fileName.split('.').pop()!;
		if (metaOnly)
			return this.ok(res, {
				name: document.fileName,
				extension,
				originalFileName: turn.file.fileName,
			});
		res.writeHead(200, {
			'Content-Type': 'application/octet-stream',
			'Content-Length': document.content.length,
			'Content-Disposition': `attachment; filename="${document.fileName}"`,
		});
		res.end(document.content);
	}

	private async handleControl(
		method: string,
		path: string,
		req: http.IncomingMessage,
		res: http.ServerResponse,
	): Promise<unknown> {
		if (path === '/_sim/sink' && method === 'POST') {
			this.sink.push(await this.readJson(req));
			return this.json(res, 200, { received: true });
		}
		if (path === '/_sim/sink' && method === 'GET') return this.json(res, 200, this.sink);
		if (path === '/_sim/state' && method === 'GET') {
			return this.json(res, 200, {
				subscriptions: [...this.subscriptions.values()],
				contracts: [...this.contracts.values()].map((contract) => this.contractView(contract)),
				deliveries: this.deliveries.map(({ subscriptionId, url, status }) => ({
					subscriptionId,
					url,
					status,
				})),
			});
		}
		if (path.startsWith('/_sim/files/') && method === 'GET') {
			// A fixture file for workflows to download (an HTTP Request node stands in for a user's file).
			const name = decodeURIComponent(path.slice('/_sim/files/'.length));
			const size = Number(new URL(req.url ?? '/', this.url).searchParams.get('size') ?? 4096);
			const content = Buffer.alloc(size);
			for (let index = 0; index < size; index++) content[index] = (index * 31 + 7) & 0xff;
			content.write('PK\u0003\u0004', 0, 'binary');
			res.writeHead(200, {
				'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				'Content-Length': size,
				'Content-Disposition': `attachment; filename="${name}"`,
			});
			return res.end(content);
		}
		const completeMatch = /^\/_sim\/turns\/([^/]+)\/complete$/.exec(path);
		if (completeMatch && method === 'POST') {
			await this.completeTurn(completeMatch[1]);
			return this.json(res, 200, { completed: true });
		}
		const notifyMatch = /^\/_sim\/turns\/([^/]+)\/notify\/([^/]+)$/.exec(path);
		if (notifyMatch && method === 'POST') {
			const turn = this.turns.get(notifyMatch[1].toLowerCase());
			if (!turn) return this.json(res, 404, { message: 'no turn' });
			return this.json(res, 200, await this.notify(notifyMatch[2], turn));
		}
		const deleteMatch = /^\/_sim\/subscriptions\/([^/]+)$/.exec(path);
		if (deleteMatch && method === 'DELETE') {
			this.subscriptions.delete(deleteMatch[1]);
			return this.json(res, 200, { deleted: true });
		}
		return this.json(res, 404, { message: `No control route ${method} ${path}` });
	}
}
