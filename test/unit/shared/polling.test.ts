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
});
