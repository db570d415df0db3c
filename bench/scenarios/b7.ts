/** Benchmark scenario B7. */
import { httpRequest, splitItems, webhookNode } from '../../test/kit/workflow';
import { type BenchKit, MEASURED, nodeRun, type Scenario } from './common';

export function b7(kit: BenchKit): Scenario {
	const {
		docketAlarm,
		docketAlarmOurs,
		docketAlarmNode,
		docketAlarmLogin,
		variant,
		SEARCH_RESULTS,
		requests,
		wall,
	} = kit;
	return {
		id: 'B7',
		title: `Docket Alarm search "Return All" of ${SEARCH_RESULTS.toLocaleString('en-US')} results`,
		metrics: {
			requests: { label: 'requests', unit: '' },
			wallMs: { label: 'wall time', unit: 'ms' },
		},
		floors: { requests: Math.ceil(SEARCH_RESULTS / 50) + 1 },
		body: () => ({}),
		counters: () => requests(docketAlarm),
		metricsOf: (measurement, delta) => {
			const results = measurement.nodes['Split Results']?.items ?? nodeRun(measurement).items;
			return {
				requests: delta.requests,
				wallMs: wall(measurement),
				missingResults: SEARCH_RESULTS - results,
			};
		},
		variants: [
			...[1, 5].map((bins) =>
				variant(
					'B7',
					`ours${bins}`,
					`Docket Alarm node, ${bins} scroll bin${bins > 1 ? 's' : ''}`,
					'ours',
					(run, hook) => {
						const { ref, credential } = docketAlarmOurs('B7', `ours${bins}`, run);
						const search = docketAlarmNode(ref, {
							resource: 'search',
							operation: 'search',
							query: 'Party',
							returnAll: true,
							options: { parallelBins: bins },
						});
						return { nodes: [webhookNode(hook), search], credentials: [credential] };
					},
				),
			),
			variant(
				'B7',
				'http',
				'HTTP Request node (scroll pagination)',
				'httpRequest',
				(_run, hook) => {
					const pagination = {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: {
							parameters: [{ type: 'qs', name: 'scroll', value: '={{ $response.body.scroll }}' }],
						},
						paginationCompleteWhen: 'other',
						completeExpression: '={{ $response.body.search_results.length < 50 }}',
						limitPagesFetched: false,
						requestInterval: 0,
					};
					const search = httpRequest(MEASURED, {
						url: `${docketAlarm.url}/api/v1/search/`,
						query: [
							{ name: 'q', value: 'Party' },
							{ name: 'limit', value: '50' },
							{ name: 'scroll_parallel', value: '1' },
							{ name: 'scroll_index', value: '0' },
							{ name: 'login_token', value: '={{ $json.login_token }}' },
						],
						pagination,
					});
					const split = splitItems('search_results');
					split.name = 'Split Results';
					return { nodes: [webhookNode(hook), docketAlarmLogin(), search, split], credentials: [] };
				},
			),
		],
	};
}
