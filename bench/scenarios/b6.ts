/** Benchmark scenario B6. */
import { httpRequest, splitItems, webhookNode } from '../../test/kit/workflow';
import { type BenchKit, MEASURED, nodeRun, type Scenario } from './common';

export function b6(kit: BenchKit): Scenario {
	const {
		docketwise,
		docketAlarm,
		docJuris,
		docuMine,
		latency,
		docJurisOurs,
		basicAuth,
		docJurisNode,
		variant,
		CHEAP_ITEMS,
		requests,
		wall,
	} = kit;
	let cheapContract = '';
	return {
		id: 'B6',
		title: `${CHEAP_ITEMS.toLocaleString('en-US')} cheap items (DocJuris get contract, no latency)`,
		metrics: {
			perItemUs: { label: 'per-item time', unit: 'µs' },
			wallMs: { label: 'wall time', unit: 'ms' },
		},
		setup: async () => {
			cheapContract = docJuris.seedContract('Bench Cheap Contract').id;
			for (const sim of [docketwise, docketAlarm, docJuris, docuMine]) sim.latencyMs = 0;
		},
		teardown: async () => {
			for (const sim of [docketwise, docketAlarm, docJuris, docuMine]) sim.latencyMs = latency;
		},
		body: () => ({ items: Array.from({ length: CHEAP_ITEMS }, () => ({ id: cheapContract })) }),
		counters: () => requests(docJuris),
		metricsOf: (measurement) => {
			const run = nodeRun(measurement);
			return {
				perItemUs: (run.executionMs * 1000) / CHEAP_ITEMS,
				wallMs: wall(measurement),
				failedItems: run.errorItems + (CHEAP_ITEMS - run.items),
				databaseOutage: Number(measurement.databaseOutage),
			};
		},
		variants: [
			variant('B6', 'ours', 'DocJuris node', 'ours', (run, hook) => {
				const { ref, credential } = docJurisOurs('B6', 'ours', run);
				const get = docJurisNode(ref, {
					resource: 'contract',
					operation: 'get',
					contractId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				});
				return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
			}),
			variant('B6', 'http', 'HTTP Request node', 'httpRequest', (run, hook) => {
				const { ref, credential } = basicAuth('B6', 'http', run);
				const get = httpRequest(MEASURED, {
					url: `=${docJuris.apiBaseUrl}/contracts/{{ $json.id }}`,
					credential: { type: 'httpBasicAuth', ref },
				});
				return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
			}),
		],
	};
}
