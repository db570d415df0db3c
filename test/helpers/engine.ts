/**
 * Runs one of our action nodes on n8n's own engine: n8n-core's WorkflowExecute and execution
 * context resolve the parameters, send the HTTP requests (nock answers them), apply the
 * credential's `authenticate` and `preAuthentication`, refresh OAuth2 tokens, wrap errors, pair
 * items and handle continue-on-fail, exactly as in n8n 1.123. Only the credential store is ours:
 * n8n keeps it in its database, here it is a map the test can read after the run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n-core's instance settings live in a user folder of their own, never the developer's ~/.n8n.
process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'unit-n8n-'));
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';

import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWebhookData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { DocJurisApi } from '../../credentials/DocJurisApi.credentials';
import { DocketAlarmApi } from '../../credentials/DocketAlarmApi.credentials';
import { DocketwiseOAuth2Api } from '../../credentials/DocketwiseOAuth2Api.credentials';
import { DocuMineApi } from '../../credentials/DocuMineApi.credentials';
import { DocuMineOAuth2Api } from '../../credentials/DocuMineOAuth2Api.credentials';

// Every execution context starts n8n's SSH tunnel manager, whose clean-up timer would keep jest
// running after the tests: it is shut down as n8n does on exit.
afterAll(() => Container.get(SSHClientsManager).onShutdown());

const CREDENTIAL_TYPES: Record<string, ICredentialType> = Object.fromEntries(
	[
		new DocJurisApi(),
		new DocketAlarmApi(),
		new DocketwiseOAuth2Api(),
		new DocuMineApi(),
		new DocuMineOAuth2Api(),
	].map((type) => [type.name, type]),
);

function credentialType(name: string): ICredentialType {
	const type = CREDENTIAL_TYPES[name];
	if (!type) throw new Error(`unknown credential type ${name}`);
	return type;
}

/** The credential store n8n keeps in its database, with what n8n-core does around it. */
export class CredentialStore extends ICredentialsHelper {
	/** Which credential types n8n-core wrote back (a login's token, a refreshed OAuth2 token). */
	readonly writes: string[] = [];

	constructor(readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(name: string): string[] {
		return (CREDENTIAL_TYPES[name]?.extends ?? []).flatMap((parent) => [
			parent,
			...this.getParentTypes(parent),
		]);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialType(type).properties;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('n8n-core asked for the encrypted credential, which unit tests do not keep');
	}

	/** As n8n decrypts it: the type's defaults under the stored values, expressions on `$self` resolved. */
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.data[type];
		if (!stored) throw new Error(`No credentials of type "${type}" set`);
		const withDefaults = {
			...Object.fromEntries(
				credentialType(type).properties.map((property) => [property.name, property.default]),
			),
			...stored,
		} as ICredentialDataDecryptedObject;
		const resolved: ICredentialDataDecryptedObject = {};
		for (const [key, value] of Object.entries(withDefaults)) {
			resolved[key] =
				typeof value === 'string' && value.startsWith('=')
					? (selfExpression(value, withDefaults) as ICredentialDataDecryptedObject[string])
					: value;
		}
		return resolved;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialType(typeName);
		if (authenticate === undefined) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials } as never,
						undefined,
						'',
					)
				: value;
		const options: IHttpRequestOptions = { ...requestOptions };
		const { headers, qs, body, auth } = authenticate.properties as Record<
			string,
			IDataObject | undefined
		>;
		const resolveAll = (values: IDataObject | undefined) =>
			Object.fromEntries(
				Object.entries(values ?? {}).map(([key, value]) => [key, resolve(value)]),
			) as IDataObject;
		if (headers) options.headers = { ...(options.headers ?? {}), ...resolveAll(headers) };
		if (qs) options.qs = { ...(options.qs ?? {}), ...resolveAll(qs) };
		if (body && typeof options.body === 'object')
			options.body = { ...(options.body as IDataObject), ...resolveAll(body) };
		if (auth) options.auth = resolveAll(auth) as unknown as IHttpRequestOptions['auth'];
		return options;
	}

	/** Logs in (the credential's `preAuthentication`) when its expirable field is empty or was refused. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!type.preAuthentication || !expirable) return undefined;
		if (credentials[expirable.name] && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		const updated = { ...credentials, ...output } as ICredentialDataDecryptedObject;
		await this.updateCredentials({ id: null, name: '' }, typeName, updated);
		return updated;
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data[type] = { ...this.data[type], ...data };
		this.writes.push(type);
	}

	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(details, type, data);
	}
}

/** A credential default such as `={{$self.customUrl}}/oauth/token`, resolved on the credential itself. */
function selfExpression(expression: string, self: ICredentialDataDecryptedObject): unknown {
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: new UnitNodeTypes({}),
	});
	const node: INode = {
		id: 'credential',
		name: 'Credential',
		type: 'credential',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return workflow.expression.getParameterValue(
		expression,
		null,
		0,
		0,
		node.name,
		[],
		'internal',
		{},
		undefined,
		false,
		self,
	);
}

// One credential object given to several runs is one stored credential, as in n8n's database.
const stores = new WeakMap<object, CredentialStore>();

function storeOf(data: Record<string, ICredentialDataDecryptedObject>): CredentialStore {
	let store = stores.get(data);
	if (!store) stores.set(data, (store = new CredentialStore(data)));
	return store;
}

class UnitNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.types[name], version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface EngineRun {
	/** The node's output items (its first output), as the next node would get them. */
	output: INodeExecutionData[];
	/** The credential store after the run (tokens n8n-core wrote back); runs given the same
	 * credential object share it. */
	credentials: CredentialStore;
	/** The workflow's static data after the run. */
	staticData: IDataObject;
	run: IRun;
}

/** Parameters the same for every item, or per item (turned into expressions on the input items). */
export type UnitParameters = INodeParameters | ((itemIndex: number) => INodeParameters);

// Where per-item parameter values travel, in each input item's JSON.
const PER_ITEM_KEY = '__unitParameters';

/**
 * Per-item parameters as a workflow would hold them: a value that differs between items becomes an
 * expression reading it from the item (a resource locator keeps its mode, its value an expression).
 */
function asWorkflowParameters(
	parameters: UnitParameters,
	items: INodeExecutionData[],
): { parameters: INodeParameters; items: INodeExecutionData[] } {
	if (typeof parameters !== 'function') return { parameters, items };
	const perItem = items.map((_, index) => parameters(index));
	const reference = (path: string[]) =>
		`$json.${PER_ITEM_KEY}${path.map((key) => `[${JSON.stringify(key)}]`).join('')}`;
	const isPlainObject = (value: unknown): value is IDataObject =>
		typeof value === 'object' && value !== null && !Array.isArray(value);
	// A collection whose fields differ keeps its shape: n8n reads its fields one by one.
	const merge = (values: unknown[], path: string[]): unknown => {
		const first = values[0];
		if (values.every((value) => JSON.stringify(value) === JSON.stringify(first))) return first;
		if (values.every(isPlainObject) && (first as IDataObject).__rl === true)
			return { ...(first as IDataObject), value: `={{ ${reference([...path, 'value'])} }}` };
		if (values.every(isPlainObject)) {
			const keys = [...new Set(values.flatMap((value) => Object.keys(value as IDataObject)))];
			return Object.fromEntries(
				keys.map((key) => [
					key,
					merge(
						values.map((value) => (value as IDataObject)[key]),
						[...path, key],
					),
				]),
			);
		}
		return `={{ ${reference(path)} }}`;
	};
	const resolved = merge(perItem, []) as INodeParameters;
	return {
		parameters: resolved,
		items: items.map((item, index) => ({
			...item,
			json: { ...item.json, [PER_ITEM_KEY]: perItem[index] as IDataObject },
		})),
	};
}

/** A resource locator parameter as the editor saves it (mode "id" unless said). */
export const locator = (value: string | number, mode = 'id') => ({
	__rl: true,
	mode,
	value: String(value),
});

/** An input item carrying a file, as n8n holds one in memory (binary data mode "default"). */
export function binaryItem(
	content: Buffer | string,
	fileName = 'contract.docx',
	mimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	json: IDataObject = {},
	property = 'data',
): INodeExecutionData {
	const data = Buffer.from(content);
	return {
		json,
		binary: {
			[property]: {
				data: data.toString('base64'),
				fileName,
				mimeType,
				fileSize: String(data.length),
			},
		},
	};
}

/** The bytes of a file an output item carries. */
export function binaryContent(item: INodeExecutionData, property: string): Buffer {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`the item has no binary property "${property}"`);
	return Buffer.from(binary.data, 'base64');
}

export interface EngineOptions {
	nodeType: INodeType;
	/** Node parameters, as saved in the workflow (expressions included), or per item. */
	parameters: UnitParameters;
	items?: INodeExecutionData[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The stored credential's ID: another one has its own pace and token state (one run to the next). */
	credentialId?: string;
	continueOnFail?: boolean;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	/** Runs the node as the AI-agent tool n8n builds from it (its type name ends in `Tool`). */
	asTool?: boolean;
}

interface UnitWorkflowOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	credentialId?: string;
	/** The workflow's static data (n8n keeps a node's own under `node:<name>`). */
	staticData: IDataObject;
	continueOnFail?: boolean;
	workflowId?: string;
	/** The webhook ID n8n gives a webhook node, the first segment of its URL path. */
	webhookId?: string;
}

let workflowCount = 0;

/** Our node, alone in a workflow, with what n8n hands its contexts (credentials, URLs). */
function unitWorkflow(options: UnitWorkflowOptions) {
	const { nodeType } = options;
	const typeName = `unit.${nodeType.description.name}`;
	const credentialNames = (nodeType.description.credentials ?? [])
		.map((credential) => credential.name)
		.filter((name) => options.credentials[name]);
	const node: INode = {
		id: 'node-under-test',
		name: nodeType.description.defaults.name ?? nodeType.description.displayName,
		type: typeName,
		typeVersion: Array.isArray(nodeType.description.version)
			? Math.max(...nodeType.description.version)
			: nodeType.description.version,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			credentialNames.map((name) => [name, { id: options.credentialId ?? `${name}-1`, name }]),
		),
		...(options.webhookId ? { webhookId: options.webhookId } : {}),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflowData: IWorkflowBase = {
		// Each workflow is another one (webhook de-duplication is per workflow) unless a test shares an ID.
		id: options.workflowId ?? `unit-workflow-${++workflowCount}`,
		name: 'Unit test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
		staticData: options.staticData,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		...workflowData,
		nodeTypes: new UnitNodeTypes({ [typeName]: nodeType }),
	});
	const credentials = storeOf(options.credentials);
	const additionalData = {
		credentialsHelper: credentials,
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
		webhookTestBaseUrl: WEBHOOK_TEST_BASE_URL,
		formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
		variables: {},
		userId: 'unit-user',
		executeWorkflow: async () => {
			throw new Error('unit tests run no sub-workflows');
		},
		logAiEvent: () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
	return { node, workflow, workflowData, credentials, additionalData };
}

/**
 * The node as n8n's tool variant names it: what the `@tool` display condition, and so the
 * parameters' tool defaults, go by. (n8n also turns the output into an ai_tool connection,
 * which a node run on its own does not need.)
 */
function toolVariant(nodeType: INodeType): INodeType {
	const description = { ...nodeType.description, name: `${nodeType.description.name}Tool` };
	return Object.assign(Object.create(nodeType) as INodeType, { description });
}

/** Where n8n serves production and test webhooks in these tests (its WEBHOOK_URL). */
export const WEBHOOK_BASE_URL = 'https://n8n.example.com/webhook';
export const WEBHOOK_TEST_BASE_URL = 'https://n8n.example.com/webhook-test';

/**
 * Runs the node once on the items given, as the only node of a workflow. A failed run throws the
 * node's error as n8n-core recorded it (continue-on-fail turns it into output items instead).
 */
export async function runOnEngine(options: EngineOptions): Promise<EngineRun> {
	if (options.asTool) options = { ...options, nodeType: toolVariant(options.nodeType) };
	const { parameters, items } = asWorkflowParameters(
		options.parameters,
		options.items ?? [{ json: {} }],
	);
	const mode = options.mode ?? 'manual';
	const { node, workflow, workflowData, credentials, additionalData } = unitWorkflow({
		...options,
		parameters,
		staticData: options.staticData ?? {},
	});
	additionalData.hooks = new ExecutionLifecycleHooks(mode, 'unit-execution', workflowData);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	const task = run.data.resultData.runData[node.name]?.[0];
	const error = task?.error ?? run.data.resultData.error;
	// n8n-core records the node's error as a copy of its fields (not an Error): as thrown again here,
	// it carries what n8n shows (message, description, HTTP code, item) and the run for a closer look.
	if (error) throw Object.assign(new Error(error.message), error, { run });
	return {
		output: task?.data?.main[0] ?? [],
		credentials,
		staticData: workflow.staticData as IDataObject,
		run,
	};
}

export interface ContextOptions {
	nodeType: INodeType;
	/** The node's parameters as the workflow (or, for list searches, the editor) holds them. */
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The node's own static data (`getWorkflowStaticData('node')`), which the test goes on reading. */
	staticData?: IDataObject;
	/** "trigger" for an active workflow, "manual" for the editor's test listen or poll. */
	mode?: WorkflowExecuteMode;
	/** The webhook is the editor's test one (its URL under webhook-test). */
	testWebhook?: boolean;
	workflowId?: string;
	webhookId?: string;
}

/** What a webhook call brings (n8n hands the node the parsed Express request). */
export interface WebhookCall {
	query?: IDataObject;
	body?: unknown;
	headers?: IDataObject;
}

/** What the node answered the caller: the Express response reduced to what a caller sees. */
export interface RecordedResponse {
	statusCode?: number;
	headers: Record<string, string>;
	body?: unknown;
}

function recordingResponse(recorded: RecordedResponse) {
	const response = {
		status(code: number) {
			recorded.statusCode = code;
			return response;
		},
		setHeader(name: string, value: string) {
			recorded.headers[name.toLowerCase()] = value;
			return response;
		},
		json(body: unknown) {
			recorded.body = body;
			return response;
		},
		send(body: unknown) {
			recorded.body = body;
			return response;
		},
		end() {
			return response;
		},
	};
	return response;
}

/**
 * n8n-core's own contexts for a trigger or the editor, around our node alone in a workflow: a poll
 * (PollContext), webhook registration (HookContext), a webhook call (WebhookContext) and list
 * searches and dropdowns (LoadOptionsContext). Requests, credentials and static data go through
 * n8n-core as in n8n; a webhook's request and response are the Express objects' plain parts.
 */
export function nodeContexts(options: ContextOptions) {
	const staticData = options.staticData ?? {};
	const { node, workflow, credentials, additionalData } = unitWorkflow({
		...options,
		webhookId: options.webhookId ?? 'abc',
		staticData: {
			[`node:${options.nodeType.description.defaults.name ?? options.nodeType.description.displayName}`]:
				staticData,
		},
	});
	const mode = options.mode ?? 'trigger';
	const activation = mode === 'manual' ? 'manual' : 'activate';
	const webhookDescription = options.nodeType.description.webhooks?.[0];
	const webhookData =
		webhookDescription &&
		({
			httpMethod: webhookDescription.httpMethod,
			node: node.name,
			path: String(webhookDescription.path),
			webhookDescription,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			isTest: options.testWebhook === true,
		} as IWebhookData);
	return {
		node,
		staticData,
		credentials,
		poll: () => new PollContext(workflow, node, additionalData, mode, activation),
		hooks: () => new HookContext(workflow, node, additionalData, mode, activation, webhookData),
		webhook(call: WebhookCall = {}) {
			const response: RecordedResponse = { headers: {} };
			const request = {
				query: call.query ?? {},
				body: call.body ?? {},
				headers: call.headers ?? {},
				params: {},
			};
			const context = new WebhookContext(
				workflow,
				node,
				{
					...additionalData,
					httpRequest: request,
					httpResponse: recordingResponse(response),
				} as never,
				mode,
				webhookData!,
				[],
				null,
			);
			return { context, response };
		},
		/** The editor sends the node's parameters with their defaults filled in. */
		loadOptions(path = '') {
			const currentNodeParameters = NodeHelpers.getNodeParameters(
				options.nodeType.description.properties,
				node.parameters,
				true,
				false,
				node,
				options.nodeType.description,
			);
			return new LoadOptionsContext(
				workflow,
				node,
				{ ...additionalData, currentNodeParameters } as never,
				path,
			);
		},
	};
}
