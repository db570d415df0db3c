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
const FIRST_LOOK_MS = 250;
const BACK_OFF = 1.2;

/**
 * Polls records until each reaches an end state or the time is up. Each round reads every record
 * still running (rounds come sooner at first, then back off to the interval); a record whose read
 * fails is done, with that error.
 */
export async function pollUntilDone(
	ids: string[],
	readRound: RoundReader,
	running: (record: IDataObject) => boolean,
	options: Pick<WaitOptions, 'intervalMs' | 'timeoutMs'>,
): Promise<Map<string, PollState>> {
	const states = new Map<string, PollState>(ids.map((id) => [id, { done: false }]));
	const deadline = Date.now() + options.timeoutMs;
	let delay = Math.min(options.intervalMs, Math.max(FIRST_LOOK_MS, options.intervalMs / 10));
	for (;;) {
		// Processing takes a moment at least: a read straight after the upload would only cost a request.
		await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
		delay = Math.min(options.intervalMs, delay * BACK_OFF);
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
		if ([...states.values()].every((state) => state.done) || Date.now() + delay > deadline)
			return states;
	}
}
