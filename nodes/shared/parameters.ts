import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestContext } from './http';

/** The "Limit" to stop at, or undefined when "Return All" is on. */
export function limitParameter(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

/** Keeps the first `limit` entries of a list the vendor returns whole, when "Return All" is off. */
export function applyLimit<T>(ctx: IExecuteFunctions, itemIndex: number, records: T[]): T[] {
	const limit = limitParameter(ctx, itemIndex);
	return limit === undefined ? records : records.slice(0, limit);
}

/** The values of a collection that were actually filled in. */
export function definedFields(values: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(values).filter(
			([, value]) => value !== '' && value !== undefined && value !== null,
		),
	);
}

/**
 * The Options → Timeout (seconds) the user set on an action node, in milliseconds; undefined
 * elsewhere (triggers, list searches) and when unset. A call made for no item reads item 0's.
 */
export function timeoutParameter(ctx: RequestContext, itemIndex = 0): number | undefined {
	if (!('getInputData' in ctx)) return undefined;
	const seconds = Number(ctx.getNodeParameter('options.timeout', itemIndex, 0));
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/**
 * The Options → Max Parallel Requests the user set on an action node; undefined elsewhere and when
 * unset (the vendor's safe level then applies).
 */
export function maxParallelParameter(ctx: RequestContext, itemIndex = 0): number | undefined {
	if (!('getInputData' in ctx)) return undefined;
	const value = Number(ctx.getNodeParameter('options.maxParallelRequests', itemIndex, 0));
	return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Whether a saved parameter value holds no expression anywhere (the same for every item). */
function isStatic(value: unknown): boolean {
	if (typeof value === 'string') return !value.startsWith('=');
	if (Array.isArray(value)) return value.every(isStatic);
	if (value !== null && typeof value === 'object') return Object.values(value).every(isStatic);
	return true;
}

/** A saved parameter's raw value, by a dotted name such as `options.timeout`. */
function savedValue(parameters: unknown, name: string): unknown {
	let value = parameters;
	for (const key of name.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/** A copy of a JSON parameter value, so that no item can change what the next one reads. */
function copyOf<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copyOf) as T;
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, copyOf(entry)]),
		) as T;
	return value;
}

/**
 * Makes the node's parameter reads for this run resolve a parameter without expressions once, not
 * once per item: n8n resolves, cleans up and validates a parameter against the node's description on
 * every read, which is most of the per-item cost of a bulk read besides the user's own expressions.
 * Reads with options (extractValue, …), expressions and unset parameters go to n8n as before.
 */
export function readStaticParametersOnce(ctx: IExecuteFunctions): void {
	const read = ctx.getNodeParameter.bind(ctx) as (...args: unknown[]) => unknown;
	const saved = ctx.getNode().parameters;
	const resolved = new Map<string, unknown>();
	const readOnce = (name: string, itemIndex: number, fallback?: unknown, options?: unknown) => {
		const raw = options === undefined ? savedValue(saved, name) : undefined;
		if (raw === undefined || !isStatic(raw)) return read(name, itemIndex, fallback, options);
		if (!resolved.has(name)) resolved.set(name, read(name, itemIndex, fallback));
		return copyOf(resolved.get(name));
	};
	ctx.getNodeParameter = readOnce as IExecuteFunctions['getNodeParameter'];
}
