import { sleep, type IDataObject } from 'n8n-workflow';

import { inParallel, PARALLEL_ITEMS } from './itemLoop';

export interface WaitOptions {
	intervalMs: number;
	timeoutMs: number;
	itemIndex: number;
}

/** Where one polled record ended up: its last read (or the error reading it) and whether it is done. */
export interface PollState {
	record?: IDataObject;
	error?: Error;
	done: boolean;
}

/** Reads the records of one polling round: each id's record, or the error reading it gave. */
export type RoundReader = (ids: string[]) => Promise<Map<string, IDataObject | Error>>;

/** A round reader that reads each record on its own, several at once. */
export function readEach(read: (id: string) => Promise<IDataObject>): RoundReader {
	return async (ids) => {
		const records = new Map<string, IDataObject | Error>();
		await inParallel(ids.length, PARALLEL_ITEMS, async (index) => {
			records.set(ids[index], await read(ids[index]).catch((error: Error) => error));
		});
		return records;
	};
}

/**
 * Polls records until each reaches an end state or the time is up. Each round, one interval after
 * the last, reads every record still running; a record whose read fails is done, with that error.
 */
export async function pollUntilDone(
	ids: string[],
	readRound: RoundReader,
	running: (record: IDataObject) => boolean,
	options: Pick<WaitOptions, 'intervalMs' | 'timeoutMs'>,
): Promise<Map<string, PollState>> {
	const states = new Map<string, PollState>(ids.map((id) => [id, { done: false }]));
	const deadline = Date.now() + options.timeoutMs;
	for (;;) {
		// Processing takes seconds at least: a read straight after the upload would only cost a request.
		await sleep(Math.min(options.intervalMs, Math.max(0, deadline - Date.now())));
		const open = ids.filter((id) => !states.get(id)!.done);
		for (const [id, read] of await readRound(open)) {
			const state = states.get(id)!;
			if (read instanceof Error) {
				state.error = read;
				state.done = true;
			} else {
				state.record = read;
				state.done = !running(read);
			}
		}
		if (
			[...states.values()].every((state) => state.done) ||
			Date.now() + options.intervalMs > deadline
		)
			return states;
	}
}
