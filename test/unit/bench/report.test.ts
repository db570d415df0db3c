import { markdown, median, ratios, svgChart, type BenchResults } from '../../../bench/report';

const results: BenchResults = {
	generatedAt: '2026-11-23T20:00:00.000Z',
	n8n: '1.123.50',
	node: 'v20.19.0',
	machine: '2 cores, 24 GiB',
	settings: { runs: 3, latencyMs: 20 },
	scenarios: [
		{
			id: 'B1',
			title: 'Return All',
			metrics: {
				requests: { label: 'requests', unit: '' },
				wallMs: { label: 'wall time', unit: 'ms' },
			},
			floors: { requests: 50 },
			goals: {},
			variants: [
				{
					key: 'ours',
					label: 'Our node',
					kind: 'ours',
					runs: [
						{ requests: 50, wallMs: 500 },
						{ requests: 50, wallMs: 400 },
						{ requests: 50, wallMs: 450 },
					],
					failures: [],
				},
				{
					key: 'http',
					label: 'HTTP Request',
					kind: 'httpRequest',
					runs: [{ requests: 51, wallMs: 1500 }, { requests: 51, wallMs: 1600 }, { failedRun: 1 }],
					failures: ['run 3: n8n lost its database'],
				},
			],
		},
	],
};

describe('benchmark report', () => {
	it('takes medians', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
	});

	it('pairs runs into ours ÷ HTTP Request ratios with their spread, skipping runs without the figure', () => {
		const rows = ratios(results);
		expect(rows.map((row) => row.row)).toEqual(['B1 requests', 'B1 wall time']);
		const wall = rows[1];
		expect(wall.median).toBeCloseTo((500 / 1500 + 400 / 1600) / 2);
		expect(wall.min).toBeCloseTo(0.25);
		expect(wall.max).toBeCloseTo(1 / 3);
	});

	it('writes a table per scenario with medians, min–max, floors and failed runs', () => {
		const text = markdown(results);
		expect(text).toContain('| figure | Our node | HTTP Request | floor / goal |');
		expect(text).toContain('| requests | 50 | 51 | 50 |');
		expect(text).toContain(
			'| wall time | 450 ms (400 ms–500 ms) | 1550 ms (1500 ms–1600 ms) | – |',
		);
		expect(text).toContain('- HTTP Request did not complete run 3: n8n lost its database');
	});

	it('draws one bar per ratio', () => {
		const svg = svgChart(ratios(results));
		expect(svg.match(/<rect x=/g)).toHaveLength(2);
		expect(svg).toContain('B1 wall time');
	});
});
