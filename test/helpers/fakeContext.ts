/**
 * A small stand-in for the contexts n8n hands a node (execute, hooks, webhook, load options).
 * HTTP goes through axios the way n8n-core sends it (so nock intercepts real requests and bodies
 * are streamed exactly as in n8n), with the credential's own `authenticate` and `preAuthentication`
 * applied, and failures wrapped in NodeApiError like n8n-core does.
 */
import axios, { type AxiosRequestConfig } from 'axios';
import { Readable } from 'node:stream';
import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
} from 'n8n-workflow';

import { DocJurisApi } from '../../credentials/DocJurisApi.credentials';
import { DocketAlarmApi } from '../../credentials/DocketAlarmApi.credentials';
import { DocketwiseOAuth2Api } from '../../credentials/DocketwiseOAuth2Api.credentials';
import { DocuMineApi } from '../../credentials/DocuMineApi.credentials';
import { DocuMineOAuth2Api } from '../../credentials/DocuMineOAuth2Api.credentials';

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	docJurisApi: new DocJurisApi(),
	docketAlarmApi: new DocketAlarmApi(),
	docketwiseOAuth2Api: new DocketwiseOAuth2Api(),
	docuMineApi: new DocuMineApi(),
	docuMineOAuth2Api: new DocuMineOAuth2Api(),
};

/** Token URLs of the OAuth2 credentials (their hidden defaults are expressions on other fields). */
const TOKEN_URLS: Record<string, (data: ICredentialDataDecryptedObject) => string> = {
	docketwiseOAuth2Api: (data) => `${data.useCustomUrl ? String(data.customUrl) : 'https://app.docketwise.com'}/oauth/token`,
	docuMineOAuth2Api: (data) =>
		typeof data.accessTokenUrl === 'string' && !data.accessTokenUrl.startsWith('=')
			? data.accessTokenUrl
			: `${String(data.url)}/auth/realms/${String(data.workspaceId)}/protocol/openid-connect/token`,
};

export interface StoredBinary {
	data: Buffer;
	fileName?: string;
	mimeType?: string;
}

export interface FakeOptions {
	nodeType: INodeType;
	/** Node parameters, the same for every item, or per item. */
	parameters: IDataObject | ((itemIndex: number) => IDataObject);
	items?: INodeExecutionData[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	staticData?: IDataObject;
	mode?: string;
	webhookUrl?: string;
	request?: { query?: IDataObject; body?: unknown; headers?: IDataObject };
	/** Binary store (ids → content), shared with the test to seed inputs and read outputs. */
	binaryStore?: Map<string, StoredBinary>;
	/** Workflow ID; each context gets its own unless a test shares one. */
	workflowId?: string;
}

export interface FakeResponse {
	statusCode?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface HttpCall {
	method: string;
	url: string;
}

/** Resolves `={{$credentials.x}}` and templates such as `=Bearer {{$credentials.x}}`, as n8n does. */
function resolveCredentialExpression(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const whole = /^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(value);
	if (whole) return credentials[whole[1]];
	return value.slice(1).replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_match, name: string) => String(credentials[name] ?? ''));
}

function isEmptyBody(body: unknown): boolean {
	if (body === undefined || body === null) return true;
	if (typeof body !== 'object') return false;
	if (Symbol.iterator in (body as object) || Buffer.isBuffer(body)) return false;
	return Object.keys(body as object).length === 0;
}

/** Converts n8n request options to axios the way n8n-core's convertN8nRequestToAxios does. */
function toAxios(options: IHttpRequestOptions): AxiosRequestConfig {
	const config: AxiosRequestConfig = {
		url: options.url,
		baseURL: options.baseURL,
		method: options.method ?? 'GET',
		params: options.qs,
		headers: { ...(options.headers as Record<string, string>) },
		timeout: options.timeout,
		maxRedirects: 0,
	};
	if (options.ignoreHttpStatusErrors) config.validateStatus = () => true;
	if (options.arrayFormat === 'repeat') {
		config.paramsSerializer = (params: Record<string, unknown>) => {
			const search = new URLSearchParams();
			for (const [key, value] of Object.entries(params)) {
				if (value === undefined || value === null) continue;
				for (const single of Array.isArray(value) ? value : [value]) search.append(key, String(single));
			}
			return search.toString();
		};
	}
	if (options.auth) config.auth = { username: options.auth.username!, password: options.auth.password! };
	if (options.encoding === 'stream') config.responseType = 'stream';
	else if (options.encoding === 'arraybuffer') config.responseType = 'arraybuffer';
	else if (options.json) config.responseType = 'json';
	if (options.json && !Object.keys(config.headers!).some((key) => key.toLowerCase() === 'accept')) {
		config.headers!.Accept = 'application/json';
	}
	const body = options.body;
	if (typeof body === 'string' || (typeof body === 'object' && !isEmptyBody(body))) config.data = body;
	if (config.method === 'GET') delete config.data;
	return config;
}

let contextCount = 0;

export function createFakeContext(options: FakeOptions) {
	const workflowId = options.workflowId ?? `workflow-${++contextCount}`;
	const items: INodeExecutionData[] = options.items ?? [{ json: {} }];
	// The map stands for n8n's database: contexts handed the same map see each other's stored tokens.
	const credentials = options.credentials ?? {};
	const staticData: IDataObject = options.staticData ?? {};
	const binaryStore = options.binaryStore ?? new Map<string, StoredBinary>();
	const response: FakeResponse = {};
	const httpCalls: HttpCall[] = [];
	const node: INode = {
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `${type}-id`, name: `${type} credential` }])),
		id: 'node-1',
		name: options.nodeType.description.displayName,
		type: `n8n-nodes-test.${options.nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const description = options.nodeType.description;
	const parametersFor = (itemIndex: number): IDataObject =>
		typeof options.parameters === 'function' ? options.parameters(itemIndex) : options.parameters;

	function propertyFor(name: string, itemIndex: number): INodeProperties | undefined {
		const parameters = parametersFor(itemIndex);
		return description.properties.find((property) => {
			if (property.name !== name) return false;
			const show = property.displayOptions?.show ?? {};
			return Object.entries(show).every(([key, allowed]) => {
				const current = parameters[key] ?? description.properties.find((p) => p.name === key)?.default;
				return (allowed as unknown[]).includes(current);
			});
		});
	}

	function extractLocatorValue(name: string, itemIndex: number, locator: IDataObject): unknown {
		const mode = propertyFor(name, itemIndex)?.modes?.find((candidate) => candidate.name === locator.mode);
		const extract = mode?.extractValue;
		if (extract && extract.type === 'regex' && typeof locator.value === 'string') {
			const match = new RegExp(extract.regex).exec(locator.value);
			if (!match) throw new Error(`The value "${locator.value}" does not match the ${locator.mode} mode`);
			return match[1];
		}
		return locator.value;
	}

	function getNodeParameter(name: string, itemIndex: number, fallback?: unknown, parameterOptions?: { extractValue?: boolean }) {
		const parameters = parametersFor(itemIndex);
		let value = name in parameters ? parameters[name] : undefined;
		if (value === undefined) value = fallback !== undefined ? fallback : propertyFor(name, itemIndex)?.default;
		if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
		if (parameterOptions?.extractValue && value && typeof value === 'object' && (value as IDataObject).__rl) {
			return extractLocatorValue(name, itemIndex, value as IDataObject);
		}
		return value;
	}

	async function send(requestOptions: IHttpRequestOptions) {
		httpCalls.push({ method: String(requestOptions.method ?? 'GET'), url: String(requestOptions.url) });
		const result = await axios.request(toAxios(requestOptions));
		if (requestOptions.returnFullResponse) {
			return { body: result.data, headers: result.headers, statusCode: result.status, statusMessage: result.statusText };
		}
		return result.data;
	}

	/**
	 * Like n8n's credentials helper: runs the credential's preAuthentication when its expirable field
	 * is empty (saving the result, as n8n saves it to the database), then applies `authenticate`.
	 */
	async function applyCredential(
		type: string,
		requestOptions: IHttpRequestOptions,
		additional?: { credentialsDecrypted?: { data?: ICredentialDataDecryptedObject } },
	): Promise<IHttpRequestOptions> {
		const credentialType = CREDENTIAL_TYPES[type];
		// As n8n-core: credentials handed in are used (and updated by a login) as they are; else a fresh read.
		const data = (additional?.credentialsDecrypted?.data ?? { ...credentials[type] }) as ICredentialDataDecryptedObject;
		if (!credentialType || !credentials[type]) throw new NodeOperationError(node, `No credentials of type "${type}" set`);
		const expirable = credentialType.properties.find((property) => property.type === 'hidden' && property.typeOptions?.expirable);
		if (expirable && credentialType.preAuthentication && data[expirable.name] === '') {
			const output = await credentialType.preAuthentication.call({ helpers: { httpRequest: send } } as never, data);
			if (output[expirable.name] !== undefined) {
				Object.assign(data, output);
				credentials[type] = { ...credentials[type], ...output } as ICredentialDataDecryptedObject;
			}
		}
		const authenticate = credentialType.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(data, requestOptions);
		const result: IHttpRequestOptions = { ...requestOptions };
		const props = authenticate.properties;
		if (props.auth) {
			result.auth = {
				username: resolveCredentialExpression(props.auth.username, data) as string,
				password: resolveCredentialExpression(props.auth.password, data) as string,
			};
		}
		for (const key of ['headers', 'qs', 'body'] as const) {
			const extra = props[key] as IDataObject | undefined;
			if (!extra) continue;
			const resolved = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, resolveCredentialExpression(v, data)]));
			(result as unknown as IDataObject)[key] = { ...((requestOptions[key] as IDataObject) ?? {}), ...resolved };
		}
		return result;
	}

	/**
	 * Like n8n's OAuth2 requests: the stored access token as a Bearer header; when the request throws
	 * 401, a refresh at the token URL (client credentials in the body), stored, then one retry.
	 */
	async function oauth2Request(type: string, requestOptions: IHttpRequestOptions) {
		const sign = () => {
			const token = (credentials[type].oauthTokenData as IDataObject).access_token;
			return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${String(token)}` } };
		};
		try {
			return await send(sign());
		} catch (error) {
			if ((error as { response?: { status?: number } }).response?.status !== 401) throw new NodeApiError(node, error as never);
			const data = credentials[type];
			const refreshed = await send({
				method: 'POST',
				url: TOKEN_URLS[type](data),
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'refresh_token',
					refresh_token: String((data.oauthTokenData as IDataObject).refresh_token),
					client_id: String(data.clientId),
					client_secret: String(data.clientSecret),
				}).toString(),
				json: true,
			});
			credentials[type] = { ...data, oauthTokenData: refreshed as IDataObject } as ICredentialDataDecryptedObject;
			try {
				return await send(sign());
			} catch (retryError) {
				throw new NodeApiError(node, retryError as never);
			}
		}
	}

	const helpers = {
		async httpRequestWithAuthentication(type: string, requestOptions: IHttpRequestOptions, additional?: { credentialsDecrypted?: { data?: ICredentialDataDecryptedObject } }) {
			if (CREDENTIAL_TYPES[type]?.extends?.includes('oAuth2Api')) return await oauth2Request(type, requestOptions);
			try {
				return await send(await applyCredential(type, requestOptions, additional));
			} catch (error) {
				throw new NodeApiError(node, error as never);
			}
		},
		httpRequest: send,
		constructExecutionMetaData(data: INodeExecutionData[], { itemData }: { itemData: { item: number } }) {
			return data.map((item) => ({ ...item, pairedItem: itemData }));
		},
		returnJsonArray(data: IDataObject | IDataObject[]) {
			return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
		},
		async getBinaryMetadata(id: string) {
			const stored = binaryStore.get(id);
			if (!stored) throw new Error(`no binary ${id}`);
			return { fileName: stored.fileName, mimeType: stored.mimeType, fileSize: stored.data.length };
		},
		async getBinaryStream(id: string, chunkSize = 65536) {
			const stored = binaryStore.get(id);
			if (!stored) throw new Error(`no binary ${id}`);
			const chunks: Buffer[] = [];
			for (let offset = 0; offset < stored.data.length; offset += chunkSize) chunks.push(stored.data.subarray(offset, offset + chunkSize));
			return Readable.from(chunks);
		},
		async getBinaryDataBuffer(itemIndex: number, propertyName: string) {
			const binary = items[itemIndex].binary![propertyName];
			return binary.id ? binaryStore.get(binary.id)!.data : Buffer.from(binary.data, 'base64');
		},
		async prepareBinaryData(data: Buffer | Readable, fileName?: string, mimeType?: string) {
			const chunks: Buffer[] = [];
			if (Buffer.isBuffer(data)) chunks.push(data);
			else for await (const chunk of data) chunks.push(Buffer.from(chunk));
			const content = Buffer.concat(chunks);
			const id = `filesystem-v2:test/${binaryStore.size + 1}`;
			binaryStore.set(id, { data: content, fileName, mimeType });
			return { id, data: 'filesystem-v2', fileName, mimeType: mimeType ?? 'application/octet-stream', fileSize: String(content.length) };
		},
	};

	const context = {
		helpers,
		getNode: () => node,
		getInputData: () => items,
		getNodeParameter: (name: string, itemIndexOrFallback?: unknown, fallback?: unknown, parameterOptions?: { extractValue?: boolean }) =>
			// Hook and webhook contexts call getNodeParameter(name, fallback) without an item index.
			typeof itemIndexOrFallback === 'number'
				? getNodeParameter(name, itemIndexOrFallback, fallback, parameterOptions)
				: getNodeParameter(name, 0, itemIndexOrFallback, fallback as { extractValue?: boolean } | undefined),
		getCurrentNodeParameter: (name: string, parameterOptions?: { extractValue?: boolean }) =>
			getNodeParameter(name, 0, undefined, parameterOptions),
		getCredentials: async (type: string) => {
			if (!credentials[type]) throw new NodeOperationError(node, `No credentials of type "${type}" set`);
			return { ...credentials[type] };
		},
		continueOnFail: () => options.continueOnFail ?? false,
		getWorkflowStaticData: () => staticData,
		getWorkflow: () => ({ id: workflowId, name: 'Test workflow', active: true }),
		getMode: () => options.mode ?? 'trigger',
		getNodeWebhookUrl: () => options.webhookUrl ?? 'https://n8n.example.com/webhook/abc/webhook',
		getQueryData: () => options.request?.query ?? {},
		getBodyData: () => options.request?.body ?? {},
		getHeaderData: () => options.request?.headers ?? {},
		getRequestObject: () => ({ query: options.request?.query ?? {}, body: options.request?.body, headers: options.request?.headers ?? {} }),
		getResponseObject: () => ({
			status(code: number) {
				response.statusCode = code;
				return this;
			},
			setHeader(name: string, value: string) {
				response.headers = { ...response.headers, [name.toLowerCase()]: value };
				return this;
			},
			json(body: unknown) {
				response.body = body;
				return this;
			},
			send(body: unknown) {
				response.body = body;
				return this;
			},
			end() {
				return this;
			},
		}),
	};
	return { context: context as never, staticData, binaryStore, response, httpCalls, node };
}

/** Puts a file into the fake binary store and returns an input item referencing it. */
export function binaryItem(
	store: Map<string, StoredBinary>,
	content: Buffer | string,
	fileName = 'contract.docx',
	mimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	json: IDataObject = {},
	property = 'data',
): INodeExecutionData {
	const id = `filesystem-v2:input/${store.size + 1}`;
	const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
	store.set(id, { data, fileName, mimeType });
	return { json, binary: { [property]: { id, data: 'filesystem-v2', fileName, mimeType } } };
}
