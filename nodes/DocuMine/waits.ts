import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { pollUntilDone, readEach, type WaitOptions } from '../shared/polling';
import type { Outcome } from './api';

/** The error for records still unfinished when the wait ran out. */
export function waitTimedOut(
	ctx: IExecuteFunctions,
	what: string,
	unfinished: string[],
	options: WaitOptions,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Timed out waiting for ${what}: ${unfinished.join(', ')} [item ${options.itemIndex}]`,
		{
			itemIndex: options.itemIndex,
			description: `Still unfinished after ${Math.round(options.timeoutMs / 1000)} s. Raise "Timeout" or check ${what} in DocuMine.`,
		},
	);
}

/**
 * Polls until every record reaches an end state, with a bounded total time. Unknown statuses count
 * as "still running"; a timeout names each record still unfinished and its last status.
 */
export async function waitUntilFinished(
	ctx: IExecuteFunctions,
	ids: string[],
	read: (id: string) => Promise<IDataObject>,
	statusOf: (record: IDataObject) => unknown,
	classify: (status: unknown) => Outcome,
	what: string,
	options: WaitOptions,
): Promise<Map<string, IDataObject>> {
	const states = await pollUntilDone(
		ids,
		readEach(read),
		(record) => classify(statusOf(record)) === 'running',
		options,
	);
	const finished = new Map<string, IDataObject>();
	for (const [id, state] of states) {
		if (state.error) throw state.error;
		if (state.done) finished.set(id, state.record!);
	}
	const unfinished = ids.filter((id) => !finished.has(id));
	if (unfinished.length) {
		throw waitTimedOut(
			ctx,
			what,
			unfinished.map(
				(id) => `${id} (${String(statusOf(states.get(id)!.record ?? {}) ?? 'no status')})`,
			),
			options,
		);
	}
	return finished;
}
