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

// The first look comes after a tenth of the interval (at least this long), each later one waits a
// fifth longer than the last, up to the interval: work that ends early is seen within a fraction of
// the interval, and a long wait costs about the requests it did when every round waited it out.
// Rounds are never closer together than FIRST_LOOK_MS.
const FIRST_LOOK_MS = 250;
const BACK_OFF = 1.2;

/**
 * Polls records until each reaches an end state or the time is up. Each round reads every record
 * still running (rounds come sooner at first, then back off to the interval); a record whose read
 * fails is done, with that error.
 *
 * `startedAt` (when each record's work began, e.g. its upload answered) lets the waits learn how
 * long the work takes: once a round finds a record done, the time since its start bounds the work
 * of the ones still running, and the next round comes when the last of them should be done by that
 * bound, if that is sooner than the back-off (files uploaded one after the other and processed
 * alike end one after the other: the last is seen done moments after it is, not up to a back-off
 * step later). A round that finds them still running goes back to the back-off.
 */
export async function pollUntilDone(
	ids: string[],
	readRound: RoundReader,
	running: (record: IDataObject) => boolean,
	options: Pick<WaitOptions, 'intervalMs' | 'timeoutMs'> & { startedAt?: Map<string, number> },
): Promise<Map<string, PollState>> {
	const states = new Map<string, PollState>(ids.map((id) => [id, { done: false }]));
	const { startedAt } = options;
	const deadline = Date.now() + options.timeoutMs;
	let delay = Math.min(options.intervalMs, Math.max(FIRST_LOOK_MS, options.intervalMs / 10));
	let next = delay;
	// The shortest time any record was seen to take (an upper bound on its work: it ended before the look).
	let workBound = Number.POSITIVE_INFINITY;
	let predicted = false;
	for (;;) {
		// Processing takes a moment at least: a read straight after the upload would only cost a request.
		await sleep(Math.min(next, Math.max(0, deadline - Date.now())));
		if (!predicted) delay = Math.min(options.intervalMs, delay * BACK_OFF);
		const open = ids.filter((id) => !states.get(id)!.done);
		const reads = await readRound(open);
		// Done by the time the answer is in: since its start, at most this long (an answer's own
		// time in transit, at both ends, roughly cancels out).
		const seenBy = Date.now();
		for (const [id, read] of reads) {
			const state = states.get(id)!;
			if (read instanceof Error) {
				state.error = read;
				state.done = true;
			} else {
				state.record = read;
				state.done = !running(read);
				const began = startedAt?.get(id);
				if (state.done && began !== undefined)
					workBound = Math.min(workBound, Math.max(0, seenBy - began));
			}
		}
		const stillOpen = ids.filter((id) => !states.get(id)!.done);
		if (!stillOpen.length || Date.now() + delay > deadline) return states;
		const lastEnd = Math.max(
			...stillOpen.map((id) => (startedAt?.get(id) ?? Infinity) + workBound),
		);
		const untilLastEnd = lastEnd - Date.now();
		predicted = !predicted && untilLastEnd < delay && untilLastEnd >= 0;
		next = predicted ? Math.max(FIRST_LOOK_MS, untilLastEnd) : delay;
	}
}
