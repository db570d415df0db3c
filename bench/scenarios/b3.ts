/** Benchmark scenario B3. */
import { httpRequest, setFields, splitItems, webhookNode } from '../../test/kit/workflow';
import { type BenchKit, MEASURED, nodeRun, type Scenario } from './common';

export function b3(kit: BenchKit): Scenario {
	const {
		docketAlarm,
		docketAlarmOurs,
		docketAlarmNode,
		docketAlarmLogin,
		variant,
		DOCKETS,
		requests,
		wall,
	} = kit;
	return {
		id: 'B3',
		title: `Docket Alarm ${DOCKETS} "getdocket" items`,
		metrics: {
			logins: { label: 'login calls', unit: '' },
			requests: { label: 'requests', unit: '' },
			wallMs: { label: 'wall time', unit: 'ms' },
		},
		floors: { logins: 1, requests: DOCKETS + 1 },
		body: () => ({
			items: Array.from({ length: DOCKETS }, (_, index) => ({
				court:
					(index + 1) % 2 ? 'Texas Eastern District Court' : 'California Northern District Court',
				docket: `2:24-cv-${String(index + 1).padStart(5, '0')}`,
			})),
		}),
		counters: () => ({ ...requests(docketAlarm), logins: docketAlarm.logins }),
		metricsOf: (measurement, delta) => {
			const run = nodeRun(measurement);
			return {
				logins: delta.logins,
				requests: delta.requests,
				wallMs: wall(measurement),
				failedItems: run.errorItems + (DOCKETS - run.items),
			};
		},
		variants: [
			variant('B3', 'ours', 'Docket Alarm node', 'ours', (run, hook) => {
				const { ref, credential } = docketAlarmOurs('B3', 'ours', run);
				const get = docketAlarmNode(ref, {
					resource: 'docket',
					operation: 'get',
					court: { __rl: true, mode: 'name', value: '={{ $json.court }}' },
					docket: '={{ $json.docket }}',
					cached: true,
					output: 'docket',
				});
				return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
			}),
			variant('B3', 'http', 'HTTP Request node (login once)', 'httpRequest', (_run, hook) => {
				const get = httpRequest(MEASURED, {
					url: `${docketAlarm.url}/api/v1/getdocket/`,
					query: [
						// Split Out keeps each entry under its field's name when it carries other fields along.
						{ name: 'court', value: '={{ $json.items.court }}' },
						{ name: 'docket', value: '={{ $json.items.docket }}' },
						{ name: 'cached', value: 'true' },
						{ name: 'login_token', value: '={{ $json.login_token }}' },
					],
				});
				const withToken = setFields('Items With Token', [
					{ name: 'items', value: "={{ $('Webhook').first().json.body.items }}", type: 'array' },
					{ name: 'login_token', value: '={{ $json.login_token }}', type: 'string' },
				]);
				return {
					nodes: [
						webhookNode(hook),
						docketAlarmLogin(),
						withToken,
						splitItems('items', 'allOtherFields'),
						get,
					],
					credentials: [],
				};
			}),
		],
	};
}
