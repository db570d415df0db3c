/** Benchmark scenario B4A. */
import { httpRequest, webhookNode } from '../../test/kit/workflow';
import { type BenchKit, curl, flushDisk, MEASURED, nodeRun, type Scenario } from './common';

export function b4a(kit: BenchKit): Scenario {
	const {
		docketAlarm,
		settings,
		docketAlarmOurs,
		docketAlarmNode,
		docketAlarmLogin,
		variant,
		requests,
		wall,
		b4Download,
	} = kit;
	return {
		id: 'B4a',
		title: `Download of a ${(settings.largeFileBytes / 2 ** 30).toFixed(0)} GiB Docket Alarm PDF (filesystem binary mode)`,
		metrics: {
			rssGrowthMb: { label: 'peak RSS growth', unit: 'MB' },
			wallMs: { label: 'wall time', unit: 'ms' },
		},
		goals: { rssGrowthMb: { max: 100, text: 'under 100 MB' } },
		setup: async () => {
			docketAlarm.documentBytes = settings.largeFileBytes;
		},
		beforeEachRun: flushDisk,
		teardown: async () => {
			docketAlarm.documentBytes = 50_000;
		},
		body: () => ({}),
		counters: () => requests(docketAlarm),
		metricsOf: (measurement) => {
			nodeRun(measurement);
			return { rssGrowthMb: measurement.rssGrowthMb, wallMs: wall(measurement) };
		},
		variants: [
			variant('B4a', 'ours', 'Docket Alarm node', 'ours', (run, hook) => {
				const { ref, credential } = docketAlarmOurs('B4a', 'ours', run);
				const download = docketAlarmNode(ref, {
					resource: 'document',
					operation: 'download',
					link: `${docketAlarm.url}/cases/bench/1.pdf`,
					cached: false,
					binaryPropertyName: 'data',
				});
				return { nodes: [webhookNode(hook), download], credentials: [credential] };
			}),
			variant('B4a', 'http', 'HTTP Request node', 'httpRequest', (_run, hook) => {
				const download = httpRequest(MEASURED, {
					url: `${docketAlarm.url}/cases/bench/1.pdf`,
					query: [{ name: 'login_token', value: '={{ $json.login_token }}' }],
					responseFormat: 'file',
				});
				return { nodes: [webhookNode(hook), docketAlarmLogin(), download], credentials: [] };
			}),
			{
				key: 'floor',
				label: 'raw socket copy to disk (curl)',
				kind: 'floor',
				direct: async () => {
					const started = performance.now();
					await curl([
						'-o',
						b4Download,
						`${docketAlarm.url}/cases/bench/1.pdf?login_token=${docketAlarm.issueToken()}`,
					]);
					return { wallMs: performance.now() - started, rssGrowthMb: 0 };
				},
			},
		],
	};
}
