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
