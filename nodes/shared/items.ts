import {
	type NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { asNodeError } from './errors';

/** What one operation returns for one input item: JSON records, or full items (e.g. with binary). */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

export type OperationHandler = (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return value !== null && typeof value === 'object' && 'json' in value && typeof (value as INodeExecutionData).json === 'object';
}

function toItems(result: OperationResult): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => (isExecutionData(entry) ? entry : { json: entry as IDataObject }));
}

/** What one item came to: its result, or the error that stopped it. */
export interface ItemOutcome {
	itemIndex: number;
	result?: OperationResult;
	error?: Error;
}

/** How many items a read operation works on at once by default (after the first, which runs alone). */
export const PARALLEL_ITEMS = 8;

export interface ItemLoopOptions {
	/**
	 * Items in flight at once. Only for reads: a create sent side by side with others could land out
	 * of order, or go out after an earlier item failed.
	 */
	concurrency?: number;
	/** Work done once over every item's outcome (e.g. waiting for all uploads together); may set errors. */
	finish?: (this: IExecuteFunctions, outcomes: ItemOutcome[]) => Promise<void>;
}

/**
 * Runs an operation for every input item. Output items are in input order and linked to the item
 * they came from. With "Continue On Fail", a failing item yields exactly one error item, in its
 * place, and the run goes on; otherwise the first failure (already naming its item) stops the run:
 * no later item is started.
 */
export async function runForEachItem(ctx: IExecuteFunctions, handler: OperationHandler, options: ItemLoopOptions = {}): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const outcomes: ItemOutcome[] = [];
	const continueOnFail = ctx.continueOnFail();
	let stopped = false;
	const runItem = async (itemIndex: number) => {
		const outcome: ItemOutcome = { itemIndex };
		outcomes[itemIndex] = outcome;
		try {
			outcome.result = await handler.call(ctx, itemIndex);
		} catch (error) {
			outcome.error = error as Error;
			if (!continueOnFail) stopped = true;
		}
	};
	// The first item alone: a login or token refresh it needs then happens once, not per parallel item.
	if (items.length) await runItem(0);
	await inParallel(items.length - 1, options.concurrency ?? 1, async (index) => await runItem(index + 1), () => stopped);
	// Unstarted items leave holes once a failure has stopped the run.
	const firstFailure = () => outcomes.find((outcome) => outcome?.error);
	const failed = firstFailure();
	if (failed && !continueOnFail) throw asNodeError(ctx.getNode(), failed.error, failed.itemIndex);
	if (options.finish) {
		await options.finish.call(ctx, outcomes);
		const late = firstFailure();
		if (late && !continueOnFail) throw asNodeError(ctx.getNode(), late.error, late.itemIndex);
	}
	return [outcomes.flatMap((outcome) => outputFor(ctx, outcome))];
}

/** Runs `work` for the indexes 0 to count - 1 in order, at most `concurrency` at once, starting none once `stop` says so. */
export async function inParallel(count: number, concurrency: number, work: (index: number) => Promise<void>, stop = () => false): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (!stop() && next < count) await work(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

/** An item's output: its results linked to it, or (with "Continue On Fail") one error item in its place. */
function outputFor(ctx: IExecuteFunctions, { itemIndex, result, error }: ItemOutcome): INodeExecutionData[] {
	if (!error) return ctx.helpers.constructExecutionMetaData(toItems(result ?? []), { itemData: { item: itemIndex } });
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.errorDetails = description;
	return [{ json, pairedItem: { item: itemIndex } }];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a GUID before it is sent, so a typo fails here with a clear message, not at the vendor. */
export function requireGuid(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty [item ${itemIndex}]`, {
			itemIndex,
			description: `Enter the ${label} (a GUID such as 4fd24682-dba7-4b8b-84de-6c0d47fde78c).`,
		});
	}
	if (!GUID.test(text)) {
		throw new NodeOperationError(ctx.getNode(), `${label} "${text}" is not a valid ID [item ${itemIndex}]`, {
			itemIndex,
			description: `Expected a GUID such as 4fd24682-dba7-4b8b-84de-6c0d47fde78c. Check the expression or the value you pasted.`,
		});
	}
	return text;
}

/** Checks an integer ID (a positive whole number) before it is sent. */
export function requirePositiveInteger(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isInteger(number) || number <= 0) {
		throw new NodeOperationError(ctx.getNode(), `${label} "${String(value)}" is not a valid ID [item ${itemIndex}]`, {
			itemIndex,
			description: `${label} must be a positive whole number.`,
		});
	}
	return number;
}

/** Checks that a required text is present and within the vendor's length limit. */
export function requireText(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number, maxLength?: number): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty [item ${itemIndex}]`, {
			itemIndex,
			description: `Enter a value for ${label}, or check that the expression resolves for this item.`,
		});
	}
	return maxLength === undefined ? text : requireMaxLength(ctx, text, maxLength, label, itemIndex);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireEmail(ctx: IExecuteFunctions, value: string, label: string, itemIndex: number): string {
	const text = value.trim();
	if (!EMAIL.test(text)) {
		throw new NodeOperationError(ctx.getNode(), `${label} "${text}" is not a valid email address [item ${itemIndex}]`, {
			itemIndex,
		});
	}
	return text;
}

/** Checks a text's length against a vendor limit. */
export function requireMaxLength(ctx: IExecuteFunctions, value: string, max: number, label: string, itemIndex: number): string {
	if (value.length > max) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} is ${value.length} characters long; the limit is ${max} [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	return value;
}

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

/** Resource modules keyed by resource, each exporting its operations by operation name. */
export type ResourceModules = Record<string, Record<string, unknown>>;

/** What an operation module exports. */
export interface OperationModule {
	execute: OperationHandler;
	/** Set by reads: items may then be worked on side by side (see PARALLEL_ITEMS). */
	parallelItems?: boolean;
	finish?: ItemLoopOptions['finish'];
}

/**
 * Runs the operation chosen by the node's Resource and Operation parameters for every item. Reads
 * work on `parallelItems` items at once (PARALLEL_ITEMS unless the vendor is known to take more).
 */
export async function routeToOperation(
	ctx: IExecuteFunctions,
	resources: ResourceModules,
	{ parallelItems = PARALLEL_ITEMS }: { parallelItems?: number } = {},
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation] as Partial<OperationModule> | undefined;
	if (!module || typeof module.execute !== 'function') {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await runForEachItem(ctx, module.execute, { concurrency: module.parallelItems ? parallelItems : 1, finish: module.finish });
}

/** The values of a collection that were actually filled in. */
export function definedFields(values: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}
