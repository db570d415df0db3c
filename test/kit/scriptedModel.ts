/**
 * A scripted language model for agent tests: an OpenAI-compatible chat-completions server on
 * 127.0.0.1 that answers from a script instead of a model. n8n's OpenAI credential takes a base
 * URL, so the real AI Agent and OpenAI Chat Model nodes talk to it unmodified.
 *
 * A script is chosen by the user prompt (the first user message) and is a list of turns: each turn
 * either calls tools with given arguments or gives the final answer, built from the tool results
 * the agent sent back. Every request carries the whole conversation so far, so the turn to play is
 * the first whose calls the conversation has not answered yet. Every request is kept,
 * so tests assert on what n8n sent the model: the tools, their descriptions and argument schemas.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tool as n8n describes it to the model (OpenAI's function-tool shape). */
export interface ModelTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: ToolSchema };
}

export interface ToolSchema {
	type?: string;
	properties?: Record<string, { type?: string; description?: string }>;
	required?: string[];
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content?: string | Array<{ type: string; text?: string }> | null;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

/** One chat-completions request as n8n sent it. */
export interface ModelRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ModelTool[];
	stream?: boolean;
}

/** A tool result the agent sent back, with the call it answers. */
export interface ToolResult {
	tool: string;
	args: Record<string, unknown>;
	/** The text the model receives (n8n sends tool output as a string). */
	content: string;
}

export type ScriptTurn =
	| {
			/** Tools to call in this turn, side by side; a function may build them from earlier results. */
			call:
				| Array<{ tool: string; args: Record<string, unknown> }>
				| ((results: ToolResult[]) => Array<{ tool: string; args: Record<string, unknown> }>);
	  }
	| { answer: (results: ToolResult[]) => string };

/** The text of a message, whether sent as a string or as content parts. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	return (message.content ?? []).map((part) => part.text ?? '').join('');
}

export class ScriptedModel {
	readonly requests: ModelRequest[] = [];
	private readonly scripts = new Map<string, ScriptTurn[]>();
	private server?: http.Server;
	url = '';

	/** Plays `turns` for every conversation whose user prompt contains `prompt`. */
	script(prompt: string, turns: ScriptTurn[]): void {
		this.scripts.set(prompt, turns);
	}

	/** The requests of the conversations whose user prompt contains `prompt`. */
	requestsFor(prompt: string): ModelRequest[] {
		return this.requests.filter((request) => userPrompt(request).includes(prompt));
	}

	/** The tool results the agent sent back in a conversation's last request. */
	toolResults(prompt: string): ToolResult[] {
		const requests = this.requestsFor(prompt);
		return requests.length ? toolResults(requests[requests.length - 1]) : [];
	}

	async start(): Promise<void> {
		// A script that fails (a test's own mistake) answers 500 with its message instead of no answer.
		this.server = http.createServer((req, res) =>
			this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `the script failed: ${error.message}` } }));
			}),
		);
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		const path = new URL(req.url ?? '/', 'http://model').pathname;
		// The model list the credential test and the editor's model picker read.
		if (req.method === 'GET' && path.endsWith('/models'))
			return send(200, { object: 'list', data: [{ id: 'scripted', object: 'model' }] });
		if (req.method !== 'POST' || !path.endsWith('/chat/completions'))
			return send(404, { error: { message: `the scripted model does not serve ${path}` } });
		const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ModelRequest;
		this.requests.push(request);
		// The agents under test answer once the run ends; a streamed reply would need chunks.
		if (request.stream)
			return send(400, { error: { message: 'the scripted model does not stream replies' } });
		const prompt = userPrompt(request);
		const turns = [...this.scripts].find(([key]) => prompt.includes(key))?.[1];
		if (!turns)
			return send(400, {
				error: { message: `no script for the prompt ${JSON.stringify(prompt)}` },
			});
		const results = toolResults(request);
		const { turn, played } = nextTurn(turns, results);
		const message =
			'answer' in turn
				? { role: 'assistant', content: turn.answer(results) }
				: {
						role: 'assistant',
						content: null,
						tool_calls: turn.calls.map((call, index) => ({
							id: `call_${played}_${index}`,
							type: 'function',
							function: { name: call.tool, arguments: JSON.stringify(call.args) },
						})),
					};
		const finish = 'answer' in turn ? 'stop' : 'tool_calls';
		send(200, {
			id: `chatcmpl-${this.requests.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: request.model,
			choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
			usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
		});
	}
}

type ToolCall = { tool: string; args: Record<string, unknown> };

/**
 * The turn to play: the first whose tool calls have not all been answered. (n8n may send a turn's
 * side-by-side calls back as one assistant message each, so assistant messages are not counted.)
 */
function nextTurn(
	turns: ScriptTurn[],
	results: ToolResult[],
): { turn: { answer: (results: ToolResult[]) => string } | { calls: ToolCall[] }; played: number } {
	let answered = 0;
	for (const [played, turn] of turns.entries()) {
		if ('answer' in turn) return { turn, played };
		const calls =
			typeof turn.call === 'function' ? turn.call(results.slice(0, answered)) : turn.call;
		if (answered + calls.length > results.length) return { turn: { calls }, played };
		answered += calls.length;
	}
	throw new Error('the script ran out of turns before an answer');
}

/** The first user message of a conversation: what the script is chosen by. */
function userPrompt(request: ModelRequest): string {
	const first = request.messages.find((message) => message.role === 'user');
	return first ? messageText(first) : '';
}

/** Pairs each tool message with the call it answers. */
function toolResults(request: ModelRequest): ToolResult[] {
	const calls = new Map<string, { name: string; arguments: string }>();
	for (const message of request.messages)
		for (const call of message.tool_calls ?? []) calls.set(call.id, call.function);
	return request.messages
		.filter((message) => message.role === 'tool')
		.map((message) => {
			const call = calls.get(message.tool_call_id ?? '');
			return {
				tool: call?.name ?? '',
				args: call ? (JSON.parse(call.arguments) as Record<string, unknown>) : {},
				content: messageText(message),
			};
		});
}
