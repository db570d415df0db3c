/**
 * Options → Max Parallel Requests and the adaptive window, seen from the vendor's side: how many
 * requests it has in flight at once (here Docket Alarm's getdocket, answered after 30 ms).
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import {
	BASE,
	courtByName,
	docketResponse,
	loggedIn,
	runDocketAlarm,
} from '../docketalarm/harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const getDocket = (options: INodeParameters = {}) => ({
	resource: 'docket',
	operation: 'get',
	court: courtByName('New York Southern District Court'),
	docket: '1:11-cv-06909',
	options,
});

/** The vendor's getdocket, counting the requests it is answering at once. */
function docketsInFlight(
	times: number,
	answer: (call: number) => [number, object] = () => [200, docketResponse],
) {
	const seen = {
		now: 0,
		peak: 0,
		calls: 0,
		peakAfterPushBack: 0,
		pushedBack: false,
		pushedBackAt: 0,
	};
	nock(BASE)
		.get('/api/v1/getdocket/')
		.query(true)
		.times(times)
		.reply(async () => {
			seen.calls++;
			const call = seen.calls;
			seen.now++;
			seen.peak = Math.max(seen.peak, seen.now);
			// Calls a full window after the push-back: those sent before it have been answered by then.
			if (seen.pushedBack && call > seen.pushedBackAt + 40)
				seen.peakAfterPushBack = Math.max(seen.peakAfterPushBack, seen.now);
			await new Promise((resolve) => setTimeout(resolve, 30));
			seen.now--;
			const [status, body] = answer(call);
			if (status >= 500) {
				seen.pushedBack = true;
				seen.pushedBackAt = seen.calls;
			}
			return [status, body];
		});
	return seen;
}

afterEach(() => nock.cleanAll());

describe('requests in flight at once (Options → Max Parallel Requests)', () => {
	it('keeps at most the vendor-safe 15 in flight by default, every item in order', async () => {
		const seen = docketsInFlight(80);
		const items = Array.from({ length: 80 }, (_, index) => ({ json: { index } }));
		const { output } = await runDocketAlarm(getDocket(), { ...loggedIn(), items });
		expect(output).toHaveLength(80);
		expect(output.filter((item) => item.json.error)).toEqual([]);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(seen.peak).toBe(15);
	});

	it('goes past 15 while answers are clean when the user allows more, never past the cap', async () => {
		const seen = docketsInFlight(120);
		const items = Array.from({ length: 120 }, (_, index) => ({ json: { index } }));
		const { output } = await runDocketAlarm(getDocket({ maxParallelRequests: 40 }), {
			...loggedIn(),
			items,
		});
		expect(output.filter((item) => item.json.error)).toEqual([]);
		expect(seen.peak).toBeGreaterThan(15);
		expect(seen.peak).toBeLessThanOrEqual(40);
	});

	it('halves what it sends at once after a server error, and still gets every item', async () => {
		// The 40th call fails once with a 503; it is retried and the window drops.
		const seen = docketsInFlight(121, (call) =>
			call === 40 ? [503, { success: false, error: 'busy' }] : [200, docketResponse],
		);
		const items = Array.from({ length: 120 }, (_, index) => ({ json: { index } }));
		const { output } = await runDocketAlarm(getDocket({ maxParallelRequests: 40 }), {
			...loggedIn(),
			items,
		});
		expect(output.filter((item) => item.json.error)).toEqual([]);
		expect(seen.calls).toBe(121);
		expect(seen.peak).toBeGreaterThan(seen.peakAfterPushBack);
		// Halved, then growing again carefully (one more per window of clean answers).
		expect(seen.peakAfterPushBack).toBeLessThan(seen.peak * 0.6);
	});
});
