import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import {
	PARALLEL_ITEMS,
	runForEachItem,
	type ItemLoopOptions,
	type OperationHandler,
} from './itemLoop';
import { maxParallelParameter, readStaticParametersOnce } from './parameters';

/**
 * What an operation does to the vendor, which decides how its items run:
 * - `read`: items may be worked on side by side;
 * - `write`: one item after the other, in input order, none started after a failure (a create sent
 *   beside others could land out of order, or go out after an earlier item failed);
 * - `replacingWrite`: a write the vendor makes safe to repeat and to reorder (it replaces what was
 *   written before under the same key), so its items may go side by side like a read.
 */
export type OperationKind = 'read' | 'write' | 'replacingWrite';

/** A node's resources, each with its operations and their kinds: the node's `node.type.ts`. */
export type OperationTable = Record<string, Record<string, OperationKind>>;

/** The resource/operation pairs a table offers, as `{ resource, operation }`. */
export type NodeMap<Table extends OperationTable> = {
	[Resource in keyof Table]: { resource: Resource; operation: keyof Table[Resource] };
}[keyof Table];

/** What an operation module exports besides its description. */
export interface OperationModule {
	execute: OperationHandler;
	/** Work done once over every item's outcome (e.g. waiting for all uploads together). */
	finish?: ItemLoopOptions['finish'];
}

/** A module for every operation of the table: one missing is a type error. */
export type OperationModules<Table extends OperationTable> = {
	[Resource in keyof Table]: { [Operation in keyof Table[Resource]]: OperationModule };
};

/**
 * Runs the operation chosen by the node's Resource and Operation parameters for every item. Reads
 * (and replacing writes) work on up to Options → Max Parallel Requests items at once (by default
 * `parallelItems`: PARALLEL_ITEMS unless the vendor is known to take more); writes go one by one.
 */
export async function routeToOperation<Table extends OperationTable>(
	ctx: IExecuteFunctions,
	table: Table,
	modules: OperationModules<Table>,
	{ parallelItems = PARALLEL_ITEMS }: { parallelItems?: number } = {},
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const kind = table[resource]?.[operation];
	const module = (
		modules as Record<string, Record<string, OperationModule | undefined> | undefined>
	)[resource]?.[operation];
	if (!kind || typeof module?.execute !== 'function') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	readStaticParametersOnce(ctx);
	return await runForEachItem(ctx, module.execute, {
		// Items go side by side up to the user's cap; the transport's window keeps the requests
		// actually in flight at what the vendor takes (see AdaptiveLimit).
		concurrency: kind === 'write' ? 1 : (maxParallelParameter(ctx) ?? parallelItems),
		finish: module.finish,
	});
}
