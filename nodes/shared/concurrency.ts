/** How an answer went, as far as the number of requests in flight is concerned. */
export type AnswerSignal = 'clean' | 'slow' | 'refused';

/**
 * How many requests of one credential are in flight at once, adapting to how the vendor answers,
 * as TCP adapts its window: it starts at the level known to be safe for the vendor, grows by one
 * with every clean, fast answer until the vendor first pushes back (so it doubles each round trip),
 * then by one per round trip; a 429, a server error or a latency jump halves it. It never exceeds
 * the cap of the request at hand (the node's Options → Max Parallel Requests, by default the safe
 * level), so unless the user raises the cap it only ever goes below the safe level, never above.
 * New requests start as soon as one ends (a sliding window, not rounds).
 */
export class AdaptiveLimit {
	private limit: number;

	private inFlight = 0;

	private readonly waiting: Array<{ cap: number; start: () => void }> = [];

	/** Whether the vendor has pushed back yet (until then the window grows fast). */
	private pushedBack = false;

	/** Clean answers since the window last grew, in the careful phase. */
	private cleanAnswers = 0;

	/** Bumped on every halving: answers to requests sent before it do not halve again. */
	private generation = 0;

	/** The fastest clean answer lately (ms): what "fast" is measured against. */
	private baselineMs = Number.POSITIVE_INFINITY;

	/** The most requests in flight at once so far. */
	peakInFlight = 0;

	constructor(private readonly safeLevel: number) {
		this.limit = Math.max(1, safeLevel);
	}

	/** The window now. */
	get current(): number {
		return this.limit;
	}

	/**
	 * Waits for room under the window and the cap, then counts the request as in flight. Returns the
	 * function to call with how its answer went.
	 */
	async acquire(cap = this.safeLevel): Promise<(signal: AnswerSignal, latencyMs: number) => void> {
		const room = Math.max(1, cap);
		// Waiters go first, in turn; a waiter's slot is counted when it is let go (startWaiting).
		if (this.inFlight >= Math.min(this.limit, room) || this.waiting.length > 0)
			await new Promise<void>((start) => this.waiting.push({ cap: room, start }));
		else this.inFlight++;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
		const sentIn = this.generation;
		let released = false;
		return (signal, latencyMs) => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.learn(signal, latencyMs, sentIn, room);
			this.startWaiting();
		};
	}

	/** Whether an answer this late is a jump in latency rather than the vendor's usual pace. */
	isSlow(latencyMs: number): boolean {
		return (
			Number.isFinite(this.baselineMs) &&
			latencyMs > Math.max(3 * this.baselineMs, this.baselineMs + SLOW_MARGIN_MS)
		);
	}

	private learn(signal: AnswerSignal, latencyMs: number, sentIn: number, cap: number): void {
		if (signal === 'clean') {
			// The baseline drifts up slowly, so one lucky fast answer does not make everything "slow".
			this.baselineMs = Math.min(latencyMs, this.baselineMs * 1.05 + 1);
			if (this.limit >= cap) return;
			if (!this.pushedBack) this.limit++;
			else if (++this.cleanAnswers >= this.limit) {
				this.limit++;
				this.cleanAnswers = 0;
			}
			return;
		}
		// Only the first push-back of a window halves it: the requests already in flight were sent
		// under the old window and will often see the same trouble.
		if (sentIn !== this.generation) return;
		this.generation++;
		this.pushedBack = true;
		this.cleanAnswers = 0;
		this.limit = Math.max(1, Math.floor(this.limit / 2));
	}

	private startWaiting(): void {
		while (this.waiting.length > 0) {
			const next = this.waiting[0];
			if (this.inFlight >= Math.min(this.limit, next.cap)) return;
			this.waiting.shift();
			// Counted now, before the waiter runs, so the window is never overfilled meanwhile.
			this.inFlight++;
			next.start();
		}
	}
}

// Below this much extra time an answer never counts as slow (timers and local networks jitter).
const SLOW_MARGIN_MS = 250;
