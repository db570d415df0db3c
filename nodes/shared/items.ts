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

/**
 * Runs an operation for every input item. Output items are linked to the item they came from.
 * With "Continue On Fail", a failing item yields exactly one error item, in its place, and the
 * run goes on; otherwise the error (already naming the item) stops the run.
 */
export async function runForEachItem(ctx: IExecuteFunctions, handler: OperationHandler): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const produced = toItems(await handler.call(ctx, itemIndex));
			output.push(...ctx.helpers.constructExecutionMetaData(produced, { itemData: { item: itemIndex } }));
		} catch (error) {
			if (ctx.continueOnFail()) {
				const json: IDataObject = { error: (error as Error).message };
				const description = (error as NodeApiError).description;
				if (description) json.errorDetails = description;
				output.push({ json, pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(ctx.getNode(), error, itemIndex);
		}
	}
	return [output];
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

/** Resource modules keyed by resource, each exporting its operations' `execute` by operation name. */
export type ResourceModules = Record<string, Record<string, unknown>>;

/** Runs the operation chosen by the node's Resource and Operation parameters for every item. */
export async function routeToOperation(ctx: IExecuteFunctions, resources: ResourceModules): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation] as { execute?: OperationHandler } | undefined;
	if (!module || typeof module.execute !== 'function') {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await runForEachItem(ctx, module.execute);
}

/** The values of a collection that were actually filled in. */
export function definedFields(values: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}
