/** Benchmark scenario B2. */
import { httpRequest, splitItems, webhookNode } from '../../test/kit/workflow';
import { type BenchKit, MEASURED, nodeRun, type Scenario } from './common';

export function b2(kit: BenchKit): Scenario {
	const {
		docketwise,
		latency,
		docketwiseOurs,
		docketwiseGeneric,
		docketwiseNode,
		variant,
		SINGLE_GETS,
		contactIds,
		requests,
		wall,
	} = kit;
	return {
		id: 'B2',
		title: `Docketwise ${SINGLE_GETS} single gets under the 120 requests/minute limit`,
		metrics: {
			failedItems: { label: 'failed items', unit: '' },
			wallMs: { label: 'wall time', unit: 'ms' },
			requests: { label: 'requests', unit: '' },
		},
		// 120 a minute, sliding: the last batch can start only once the window has moved on twice.
		floors: {
			failedItems: 0,
			wallMs: Math.floor((SINGLE_GETS - 1) / 120) * 60_000 + latency,
			requests: SINGLE_GETS,
		},
		body: () => ({ items: contactIds(SINGLE_GETS) }),
		counters: () => ({ ...requests(docketwise), throttled: docketwise.throttled }),
		metricsOf: (measurement, delta) => {
			const run = nodeRun(measurement);
			return {
				failedItems: run.errorItems + (SINGLE_GETS - run.items),
				wallMs: wall(measurement),
				requests: delta.requests,
				throttled: delta.throttled,
			};
		},
		variants: [
			variant('B2', 'ours', 'Docketwise node', 'ours', (run, hook) => {
				const { ref, credential } = docketwiseOurs('B2', 'ours', run);
				const get = docketwiseNode(
					ref,
					{
						resource: 'contact',
						operation: 'get',
						contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						simplify: true,
					},
					{ onError: 'continueRegularOutput' },
				);
				return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
			}),
			variant('B2', 'http', 'HTTP Request node (retry on fail)', 'httpRequest', (run, hook) => {
				const { ref, credential } = docketwiseGeneric('B2', 'http', run);
				const get = httpRequest(MEASURED, {
					url: `=${docketwise.url}/api/v1/contacts/{{ $json.id }}`,
					credential: { type: 'oAuth2Api', ref },
					settings: {
						retryOnFail: true,
						maxTries: 5,
						waitBetweenTries: 5000,
						onError: 'continueRegularOutput',
					},
				});
				return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
			}),
		],
	};
}
