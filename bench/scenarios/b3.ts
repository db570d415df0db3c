/**
 * Benchmark scenarios B3 and B3b: Docket Alarm "getdocket" for 500 items, our node against the
 * hand-built HTTP Request workflow. B3: ours with Options → Max Parallel Requests raised to 100
 * against HTTP Request sending every item at once; B3b: both at Docket Alarm's safe 15 (ours by
 * default, HTTP Request in batches of 15, one round trip apart). Each records the most requests Docket Alarm had in
 * flight at once and the network floor at that concurrency: ceil(items / peak) round trips.
 */
import { httpRequest, setFields, splitItems, webhookNode } from '../../test/kit/workflow';
import { type BenchKit, MEASURED, nodeRun, type Scenario } from './common';

interface GetdocketSides {
	id: string;
	/** Our node's Max Parallel Requests (unset: the default, the vendor-safe 15). */
	oursCap?: number;
	/** HTTP Request's batching (unset: every item at once, as the node does by default). */
	httpBatch?: number;
}

function getdocketScenario(kit: BenchKit, sides: GetdocketSides): Scenario {
	const {
		docketAlarm,
		docketAlarmOurs,
		docketAlarmNode,
		docketAlarmLogin,
		variant,
		DOCKETS,
		latency,
		requests,
		wall,
	} = kit;
	const { id, oursCap, httpBatch } = sides;
	return {
		id,
		title: `Docket Alarm ${DOCKETS} "getdocket" items (ours at Max Parallel Requests ${oursCap ?? '15, the default'}; HTTP Request ${httpBatch ? `in batches of ${httpBatch}` : 'with every item at once'})`,
		metrics: {
			logins: { label: 'login calls', unit: '' },
			requests: { label: 'requests', unit: '' },
			peakInFlight: { label: 'peak requests in flight', unit: '' },
			floorMs: { label: 'network floor at that peak', unit: 'ms' },
			wallMs: { label: 'wall time', unit: 'ms' },
		},
		floors: { logins: 1, requests: DOCKETS + 1 },
		beforeEachRun: async () => {
			docketAlarm.peakInFlight = 0;
		},
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
			const peak = Math.max(1, docketAlarm.peakInFlight);
			return {
				logins: delta.logins,
				requests: delta.requests,
				peakInFlight: docketAlarm.peakInFlight,
				// One round trip for the login or first item, then the rest at the peak concurrency.
				floorMs: (1 + Math.ceil((DOCKETS - 1) / peak)) * latency,
				wallMs: wall(measurement),
				failedItems: run.errorItems + (DOCKETS - run.items),
			};
		},
		variants: [
			variant(
				id,
				'ours',
				`Docket Alarm node${oursCap ? ` (Max Parallel Requests ${oursCap})` : ''}`,
				'ours',
				(run, hook) => {
					const { ref, credential } = docketAlarmOurs(id, 'ours', run);
					const get = docketAlarmNode(ref, {
						resource: 'docket',
						operation: 'get',
						court: { __rl: true, mode: 'name', value: '={{ $json.court }}' },
						docket: '={{ $json.docket }}',
						cached: true,
						output: 'docket',
						...(oursCap ? { options: { maxParallelRequests: oursCap } } : {}),
					});
					return { nodes: [webhookNode(hook), splitItems(), get], credentials: [credential] };
				},
			),
			variant(
				id,
				'http',
				`HTTP Request node (login once${httpBatch ? `, batches of ${httpBatch}` : ''})`,
				'httpRequest',
				(_run, hook) => {
					const get = httpRequest(MEASURED, {
						url: `${docketAlarm.url}/api/v1/getdocket/`,
						query: [
							// Split Out keeps each entry under its field's name when it carries other fields along.
							{ name: 'court', value: '={{ $json.items.court }}' },
							{ name: 'docket', value: '={{ $json.items.docket }}' },
							{ name: 'cached', value: 'true' },
							{ name: 'login_token', value: '={{ $json.login_token }}' },
						],
						// HTTP Request's batching does not wait for a batch's answers: it sends a batch, waits
						// the interval, sends the next. An interval of one round trip keeps about a batch in flight.
						...(httpBatch ? { batching: { batchSize: httpBatch, batchInterval: latency } } : {}),
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
				},
			),
		],
	};
}

export function b3(kit: BenchKit): Scenario {
	return getdocketScenario(kit, { id: 'B3', oursCap: 100 });
}

export function b3b(kit: BenchKit): Scenario {
	return getdocketScenario(kit, { id: 'B3b', httpBatch: 15 });
}
