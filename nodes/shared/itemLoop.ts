import type {
	NodeApiError,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { asNodeError } from './errors';
import { runsAsTool } from './toolOutput';

/** What one operation returns for one input item: JSON records, or full items (e.g. with binary). */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

export type OperationHandler = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<OperationResult>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		value !== null &&
		typeof value === 'object' &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object'
	);
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
 * no later item is started. Run as an AI agent's tool, a failure is the tool's answer, as with
 * Continue On Fail: the model reads what was wrong ("Contract ID "x" is not a valid ID") and can
 * call again with better arguments, where a thrown error would end the whole chat.
 */
export async function runForEachItem(
	ctx: IExecuteFunctions,
	handler: OperationHandler,
	options: ItemLoopOptions = {},
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const outcomes: ItemOutcome[] = [];
	const continueOnFail = ctx.continueOnFail() || runsAsTool(ctx);
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
	await inParallel(
		items.length - 1,
		options.concurrency ?? 1,
		async (index) => await runItem(index + 1),
		() => stopped,
	);
	// Unstarted items leave holes once a failure has stopped the run.
	const firstFailure = () => outcomes.find((outcome) => outcome?.error);
	const failed = firstFailure();
	if (failed && !continueOnFail) throw asNodeError(ctx.getNode(), failed.error, failed.itemIndex);
	if (options.finish) {
		await options.finish.call(ctx, outcomes);
		const late = firstFailure();
		if (late && !continueOnFail) throw asNodeError(ctx.getNode(), late.error, late.itemIndex);
	}
	const output = outcomes.flatMap((outcome) => outputFor(ctx, outcome));
	// An empty answer leaves a model guessing whether its call worked: as a tool, say so.
	if (!output.length && items.length && runsAsTool(ctx))
		return [[{ json: { ...NOTHING_FOUND }, pairedItem: { item: 0 } }]];
	return [output];
}

/** What a tool answers a model when its call succeeded and found no records. */
export const NOTHING_FOUND = {
	found: 0,
	message: 'The call succeeded and found no matching records.',
};

/** Runs `work` for the indexes 0 to count - 1 in order, at most `concurrency` at once, starting none once `stop` says so. */
export async function inParallel(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<void>,
	stop = () => false,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (!stop() && next < count) await work(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

/** An item's output: its results linked to it, or (with "Continue On Fail") one error item in its place. */
function outputFor(
	ctx: IExecuteFunctions,
	{ itemIndex, result, error }: ItemOutcome,
): INodeExecutionData[] {
	if (!error)
		return ctx.helpers.constructExecutionMetaData(toItems(result ?? []), {
			itemData: { item: itemIndex },
		});
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.errorDetails = description;
	return [{ json, pairedItem: { item: itemIndex } }];
}
