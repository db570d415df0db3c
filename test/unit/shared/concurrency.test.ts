import { AdaptiveLimit } from '../../../nodes/shared/concurrency';

/** Starts `count` requests at once on the window; each stays in flight until answered by hand. */
function inFlightTracker(window: AdaptiveLimit, cap?: number) {
	const started: Array<(signal: 'clean' | 'slow' | 'refused', latencyMs?: number) => void> = [];
	let inFlight = 0;
	const launch = (count: number) =>
		Array.from({ length: count }, async () => {
			const answered = await window.acquire(cap);
			inFlight++;
			started.push((signal, latencyMs = 20) => {
				inFlight--;
				answered(signal, latencyMs);
			});
		});
	const settle = async () => await new Promise((resolve) => setImmediate(resolve));
	return { started, launch, settle, inFlight: () => inFlight };
}

describe('AdaptiveLimit: the window of requests in flight', () => {
	it('never lets more than the safe level go at once by default, and starts the next as one ends', async () => {
		const window = new AdaptiveLimit(15);
		const { started, launch, settle, inFlight } = inFlightTracker(window);
		void launch(40);
		await settle();
		expect(inFlight()).toBe(15);
		// One answer lets exactly one more go: a sliding window, not rounds of 15.
		started.shift()!('clean');
		await settle();
		expect(inFlight()).toBe(15);
		expect(started).toHaveLength(15);
		while (started.length) {
			started.shift()!('clean');
			await settle();
		}
		expect(window.peakInFlight).toBe(15);
		expect(window.current).toBe(15);
	});

	it('grows past the safe level while answers are clean, up to the cap the user set', async () => {
		const window = new AdaptiveLimit(15);
		const { started, launch, settle, inFlight } = inFlightTracker(window, 40);
		void launch(200);
		await settle();
		expect(inFlight()).toBe(15);
		// Each clean answer makes room for two: the window doubles over a round trip.
		for (let answer = 0; answer < 15; answer++) started.shift()!('clean');
		await settle();
		expect(inFlight()).toBe(30);
		for (let answer = 0; answer < 30; answer++) started.shift()!('clean');
		await settle();
		expect(inFlight()).toBe(40);
		expect(window.peakInFlight).toBe(40);
		expect(window.current).toBe(40);
		while (started.length) {
			started.shift()!('clean');
			await settle();
		}
	});

	it('halves on a 429 or server error, once for the requests that were already in flight', async () => {
		const window = new AdaptiveLimit(16);
		const { started, launch, settle, inFlight } = inFlightTracker(window);
		void launch(100);
		await settle();
		// Three answers of the same window push back: one halving, not three.
		for (let answer = 0; answer < 3; answer++) started.shift()!('refused');
		await settle();
		expect(window.current).toBe(8);
		expect(inFlight()).toBe(13);
		// Requests sent under the new window that push back halve it again.
		// Five more old answers bring it down to the window; the sixth makes room for a new request.
		for (let answer = 0; answer < 6; answer++) started.shift()!('clean');
		await settle();
		expect(inFlight()).toBe(8);
		const newer = started.splice(-1, 1)[0];
		newer('refused');
		await settle();
		expect(window.current).toBe(4);
		// After pushing back, it grows carefully: one more for a window's worth of clean answers.
		for (let answer = 0; answer < 4; answer++) {
			started.shift()!('clean');
			await settle();
		}
		expect(window.current).toBe(5);
		while (started.length) {
			started.shift()!('clean');
			await settle();
		}
	});

	it('treats an answer far slower than the usual pace as pushing back, not jitter', () => {
		const window = new AdaptiveLimit(8);
		expect(window.isSlow(5_000)).toBe(false); // nothing to compare with yet
		return window.acquire().then((answered) => {
			answered('clean', 40);
			expect(window.isSlow(200)).toBe(false); // under the 250 ms margin
			expect(window.isSlow(400)).toBe(true);
		});
	});
});
