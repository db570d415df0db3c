/**
 * The one workflow builder of the tests, the benchmark and the sandbox: typed nodes and the n8n
 * nodes they are built from (webhook, HTTP Request, Set, Wait, If, …) and connections. The
 * benchmark's and the hard cases' workflows start with a webhook that answers when the last node
 * has finished, so a run can be started and its end known; items come in the webhook's body.
 */
import { randomUUID } from 'node:crypto';

type Parameters = Record<string, unknown>;

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Parameters;
	credentials?: Record<string, { id: string; name: string }>;
	[setting: string]: unknown;
}

export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings: Record<string, unknown>;
}

export interface CredentialRef {
	id: string;
	name: string;
}

/** A workflow id n8n accepts (16 characters) that names what it runs. */
export function benchId(...parts: Array<string | number>): string {
	return parts
		.join('')
		.replace(/[^A-Za-z0-9]/g, '')
		.padEnd(16, '0')
		.slice(0, 16);
}

let position = 0;

function node(
	name: string,
	type: string,
	typeVersion: number,
	parameters: Parameters,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode {
	position += 220;
	return {
		id: randomUUID(),
		name,
		type,
		typeVersion,
		position: [position, 0],
		parameters,
		...extra,
	};
}

export function webhookNode(path: string): WorkflowNode {
	position = 0;
	return {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'noData',
			options: {},
		},
	};
}

/** One item per entry of the webhook body's `items` (the items a scenario works on). */
export function splitItems(field = 'body.items', include = 'noOtherFields'): WorkflowNode {
	return node('Split Items', 'n8n-nodes-base.splitOut', 1, {
		fieldToSplitOut: field,
		include,
		options: {},
	});
}

export function readFiles(pattern: string): WorkflowNode {
	return node('Read Files', 'n8n-nodes-base.readWriteFile', 1, {
		operation: 'read',
		fileSelector: pattern,
		options: {},
	});
}

/** A node of one of our packages. */
export function ours(
	name: string,
	type: string,
	credentialType: string,
	credential: CredentialRef,
	parameters: Parameters,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode {
	return node(name, type, 1, parameters, {
		credentials: { [credentialType]: credential },
		...extra,
	});
}

type NameValue = Array<{ name: string; value: string }>;

export interface HttpRequestOptions {
	method?: string;
	url: string;
	query?: NameValue;
	headers?: NameValue;
	form?: NameValue;
	/** Multipart body: text fields and binary fields (by input binary property). */
	multipart?: { fields?: NameValue; files: Array<{ name: string; binaryProperty: string }> };
	credential?: { type: 'oAuth2Api' | 'httpBasicAuth'; ref: CredentialRef };
	pagination?: Parameters;
	responseFormat?: 'file' | 'json';
	batching?: { batchSize: number; batchInterval: number };
	settings?: Partial<WorkflowNode>;
}

/** n8n's HTTP Request node (4.2), configured the way its UI writes the parameters. */
export function httpRequest(name: string, request: HttpRequestOptions): WorkflowNode {
	const parameters: Parameters = { method: request.method ?? 'GET', url: request.url, options: {} };
	const options = parameters.options as Parameters;
	if (request.credential) {
		parameters.authentication = 'genericCredentialType';
		parameters.genericAuthType = request.credential.type;
	}
	if (request.query)
		Object.assign(parameters, { sendQuery: true, queryParameters: { parameters: request.query } });
	if (request.headers)
		Object.assign(parameters, {
			sendHeaders: true,
			headerParameters: { parameters: request.headers },
		});
	if (request.form)
		Object.assign(parameters, {
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: { parameters: request.form },
		});
	if (request.multipart) {
		const parts = [
			...(request.multipart.fields ?? []).map(({ name: field, value }) => ({
				parameterType: 'formData',
				name: field,
				value,
			})),
			...request.multipart.files.map((file) => ({
				parameterType: 'formBinaryData',
				name: file.name,
				inputDataFieldName: file.binaryProperty,
			})),
		];
		Object.assign(parameters, {
			sendBody: true,
			contentType: 'multipart-form-data',
			bodyParameters: { parameters: parts },
		});
	}
	if (request.pagination) options.pagination = { pagination: request.pagination };
	if (request.responseFormat)
		options.response = { response: { responseFormat: request.responseFormat } };
	if (request.batching) options.batching = { batch: request.batching };
	const credentials = request.credential
		? { [request.credential.type]: request.credential.ref }
		: undefined;
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, parameters, {
		...(credentials ? { credentials } : {}),
		...request.settings,
	});
}

/** Fields set on each item (Edit Fields). */
export function setFields(
	name: string,
	fields: Array<{ name: string; value: string; type: 'string' | 'array' | 'number' }>,
): WorkflowNode {
	return node(name, 'n8n-nodes-base.set', 3.4, {
		mode: 'manual',
		assignments: { assignments: fields.map((field) => ({ id: randomUUID(), ...field })) },
		options: {},
	});
}

export function waitNode(name: string, seconds: number): WorkflowNode {
	return node(
		name,
		'n8n-nodes-base.wait',
		1.1,
		{ resume: 'timeInterval', amount: seconds, unit: 'seconds' },
		{ webhookId: randomUUID() },
	);
}

/** If `left` equals `right` (strings): output 0 when true, 1 when false. */
export function ifEquals(name: string, left: string, right: string): WorkflowNode {
	return node(name, 'n8n-nodes-base.if', 2, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
			conditions: [
				{
					id: randomUUID(),
					leftValue: left,
					rightValue: right,
					operator: { type: 'string', operation: 'equals' },
				},
			],
			combinator: 'and',
		},
		options: {},
	});
}

/** A Code node running JavaScript once for all items (on n8n 2.x, in a task runner). */
export function codeNode(name: string, jsCode: string): WorkflowNode {
	return node(name, 'n8n-nodes-base.code', 2, { mode: 'runOnceForAllItems', jsCode });
}

export function noOp(name: string): WorkflowNode {
	return node(name, 'n8n-nodes-base.noOp', 1, {});
}

/** Connections for nodes in a line, plus extra links as [from, output, to]. */
export function connect(
	nodes: WorkflowNode[],
	links: Array<[string, number, string]> = [],
): Record<string, unknown> {
	const connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	> = {};
	const link = (from: string, output: number, to: string) => {
		const entry = (connections[from] ??= { main: [] });
		while (entry.main.length <= output) entry.main.push([]);
		entry.main[output].push({ node: to, type: 'main', index: 0 });
	};
	for (let index = 0; index < nodes.length - 1; index++)
		link(nodes[index].name, 0, nodes[index + 1].name);
	for (const [from, output, to] of links) link(from, output, to);
	return connections;
}

export function workflow(
	id: string,
	name: string,
	nodes: WorkflowNode[],
	links: Array<[string, number, string]> = [],
): WorkflowJson {
	return {
		id,
		name,
		active: false,
		nodes,
		connections: connect(nodes, links),
		settings: { executionOrder: 'v1' },
	};
}

/** Connections running each node into the next, in order. */
export function chain(names: string[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	for (let index = 0; index < names.length - 1; index++)
		connections[names[index]] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	return connections;
}

/** A maker of one node type of ours with its credential, placed at x (for workflows read by people). */
export function nodeMaker(
	type: string,
	credentials: Record<string, CredentialRef>,
	defaults: Parameters = {},
) {
	return (
		id: string,
		name: string,
		x: number,
		parameters: Parameters,
		settings: Partial<WorkflowNode> = {},
	): WorkflowNode => ({
		id,
		name,
		type,
		typeVersion: 1,
		position: [x, 0],
		credentials,
		parameters: { ...defaults, ...parameters },
		...settings,
	});
}

/** An HTTP Request node that posts each item it gets to a test sink (a simulator's /_sim/sink). */
export function forwardToSink(name: string, sinkUrl: string, x = 300): WorkflowNode {
	return {
		id: 'forward',
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [x, 0],
		parameters: {
			method: 'POST',
			url: sinkUrl,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
			options: {},
		},
	};
}

/** An inactive workflow whose nodes run one into the next, in order. */
export function chainedWorkflow<Node extends { name: string }>(
	id: string,
	name: string,
	nodes: Node[],
) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections: chain(nodes.map((node) => node.name)),
		settings: { executionOrder: 'v1' },
	};
}
