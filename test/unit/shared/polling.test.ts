import { pollUntilDone } from '../../../nodes/shared/polling';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('pollUntilDone: waits that end when the work ends', () => {
	it('looks soon at first and backs off to the interval, never beyond it', async () => {
		const { sleep } = jest.requireMock('n8n-workflow');
		sleep.mockClear();
		let rounds = 0;
		const states = await pollUntilDone(
			['F-1'],
			async (ids) =>
				new Map(ids.map((id) => [id, { id, status: ++rounds < 20 ? 'RUNNING' : 'DONE' }])),
			(record) => record.status === 'RUNNING',
			{ intervalMs: 5_000, timeoutMs: 600_000 },
		);
		expect(states.get('F-1')).toMatchObject({ done: true, record: { status: 'DONE' } });
		const waits: number[] = sleep.mock.calls.map(([ms]: [number]) => Math.round(ms));
		expect(waits).toHaveLength(20);
		expect(waits.slice(0, 4)).toEqual([500, 600, 720, 864]);
		expect(Math.max(...waits)).toBe(5_000);
		// Each wait at least as long as the one before: it only backs off.
		expect(waits.every((ms, index) => index === 0 || ms >= waits[index - 1])).toBe(true);
	});

	/** 100 files started 8 ms apart, each done 3 s after its start, on a clock the waits move. */
	async function staggeredFiles(withStarts: boolean) {
		const { sleep } = jest.requireMock('n8n-workflow');
		let clock = 1_000_000;
		const now = jest.spyOn(Date, 'now').mockImplementation(() => clock);
		sleep.mockImplementation(async (ms: number) => {
			clock += ms;
		});
		const ids = Array.from({ length: 100 }, (_, index) => `F-${index}`);
		const startedAt = new Map(ids.map((id, index) => [id, clock - 800 + index * 8]));
		const lastEnd = Math.max(...startedAt.values()) + 3_000;
		const looks: number[] = [];
		try {
			const states = await pollUntilDone(
				ids,
				async (open) => {
					looks.push(clock);
					clock += 20; // the list read's round trip
					return new Map(
						open.map((id) => [
							id,
							{ id, status: clock - 10 >= startedAt.get(id)! + 3_000 ? 'DONE' : 'RUNNING' },
						]),
					);
				},
				(record) => record.status === 'RUNNING',
				{ intervalMs: 5_000, timeoutMs: 600_000, ...(withStarts ? { startedAt } : {}) },
			);
			expect([...states.values()].every((state) => state.done)).toBe(true);
			return { lateBy: clock - lastEnd, rounds: looks.length };
		} finally {
			now.mockRestore();
			sleep.mockImplementation(async () => undefined);
		}
	}

	it('learns from the files done how long the rest take, and looks when the last should be done', async () => {
		const backOffOnly = await staggeredFiles(false);
		const learning = await staggeredFiles(true);
		// The back-off alone sees the last file done up to a step late (here some 700 ms).
		expect(backOffOnly.lateBy).toBeGreaterThan(400);
		// Learning, within a round trip or two of the moment, for at most one more round.
		expect(learning.lateBy).toBeLessThanOrEqual(60);
		expect(learning.rounds).toBeLessThanOrEqual(backOffOnly.rounds + 1);
	});
});
