/** Benchmark scenario B1. */
import { httpRequest, webhookNode } from '../../test/kit/workflow';
import { type BenchKit, MEASURED, nodeRun, type Scenario } from './common';

export function b1(kit: BenchKit): Scenario {
	const {
		docketwise,
		latency,
		docketwiseOurs,
		docketwiseGeneric,
		docketwiseNode,
		variant,
		CONTACTS,
		requests,
		wall,
	} = kit;
	return {
		id: 'B1',
		title: `Docketwise "Return All" of ${CONTACTS.toLocaleString('en-US')} contacts`,
		metrics: {
			requests: { label: 'requests', unit: '' },
			wallMs: { label: 'wall time', unit: 'ms' },
			rssGrowthMb: { label: 'peak memory growth', unit: 'MB' },
		},
		// Fewest requests at 200 a page; fastest: the first page, then all the others at once.
		floors: { requests: Math.ceil(CONTACTS / 200), wallMs: 2 * latency },
		body: () => ({}),
		counters: () => requests(docketwise),
		metricsOf: (measurement, delta) => ({
			requests: delta.requests,
			wallMs: wall(measurement),
			rssGrowthMb: measurement.rssGrowthMb,
			items: nodeRun(measurement).itemsAllRuns,
		}),
		variants: [
			variant('B1', 'ours', 'Docketwise node', 'ours', (run, hook) => {
				const { ref, credential } = docketwiseOurs('B1', 'ours', run);
				return {
					nodes: [
						webhookNode(hook),
						docketwiseNode(ref, {
							resource: 'contact',
							operation: 'getAll',
							returnAll: true,
							simplify: false,
						}),
					],
					credentials: [credential],
				};
			}),
			variant('B1', 'http', 'HTTP Request node', 'httpRequest', (run, hook) => {
				const { ref, credential } = docketwiseGeneric('B1', 'http', run);
				const pagination = {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: {
						parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
					},
					paginationCompleteWhen: 'responseIsEmpty',
					limitPagesFetched: false,
					requestInterval: 0,
				};
				const request = httpRequest(MEASURED, {
					url: `${docketwise.url}/api/v1/contacts`,
					credential: { type: 'oAuth2Api', ref },
					pagination,
				});
				return { nodes: [webhookNode(hook), request], credentials: [credential] };
			}),
		],
	};
}
