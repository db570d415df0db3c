/** Benchmark scenario B4B. */
import { httpRequest, readFiles, webhookNode } from '../../test/kit/workflow';
import {
	type BenchKit,
	curl,
	flushDisk,
	MEASURED,
	netrc,
	nodeRun,
	type Scenario,
	writeLargeFile,
} from './common';

export function b4b(kit: BenchKit): Scenario {
	const {
		docJuris,
		settings,
		docJurisOurs,
		basicAuth,
		docJurisNode,
		variant,
		requests,
		wall,
		b4Upload,
	} = kit;
	let contractId = '';
	return {
		id: 'B4b',
		title: `Upload of a ${(settings.largeFileBytes / 2 ** 30).toFixed(0)} GiB DocJuris turn (filesystem binary mode)`,
		metrics: {
			rssGrowthMb: { label: 'peak RSS growth', unit: 'MB' },
			wallMs: { label: 'wall time', unit: 'ms' },
		},
		goals: { rssGrowthMb: { max: 100, text: 'under 100 MB' } },
		beforeEachRun: flushDisk,
		setup: async () => {
			await writeLargeFile(b4Upload, settings.largeFileBytes);
			contractId = docJuris.seedContract('Bench Large Turn').id;
		},
		body: () => ({ contractId, currentTurnId: docJuris.latestTurnId(contractId) }),
		counters: () => requests(docJuris),
		metricsOf: (measurement) => {
			const run = nodeRun(measurement);
			if (run.errorItems)
				throw new Error(`the upload failed: ${measurement.error ?? 'see the execution'}`);
			return { rssGrowthMb: measurement.rssGrowthMb, wallMs: wall(measurement) };
		},
		variants: [
			variant('B4b', 'ours', 'DocJuris node', 'ours', (run, hook) => {
				const { ref, credential } = docJurisOurs('B4b', 'ours', run);
				const upload = docJurisNode(ref, {
					resource: 'turn',
					operation: 'create',
					contractId: {
						__rl: true,
						mode: 'id',
						value: "={{ $('Webhook').first().json.body.contractId }}",
					},
					binaryPropertyName: 'data',
					additionalFields: {},
				});
				return {
					nodes: [webhookNode(hook), readFiles(b4Upload), upload],
					credentials: [credential],
				};
			}),
			variant('B4b', 'http', 'HTTP Request node', 'httpRequest', (run, hook) => {
				const { ref, credential } = basicAuth('B4b', 'http', run);
				const upload = httpRequest(MEASURED, {
					method: 'POST',
					url: `=${docJuris.apiBaseUrl}/contracts/{{ $('Webhook').first().json.body.contractId }}/turns`,
					credential: { type: 'httpBasicAuth', ref },
					multipart: {
						fields: [
							{
								name: 'currentTurnId',
								value: "={{ $('Webhook').first().json.body.currentTurnId }}",
							},
						],
						files: [{ name: 'file', binaryProperty: 'data' }],
					},
				});
				return {
					nodes: [webhookNode(hook), readFiles(b4Upload), upload],
					credentials: [credential],
				};
			}),
			{
				key: 'floor',
				label: 'raw socket copy from disk (curl)',
				kind: 'floor',
				direct: async () => {
					const started = performance.now();
					const url = `${docJuris.apiBaseUrl}/contracts/${contractId}/turns`;
					await curl([
						'-o',
						'/dev/null',
						'--netrc-file',
						netrc(docJuris),
						'-F',
						`currentTurnId=${docJuris.latestTurnId(contractId)}`,
						'-F',
						`file=@${b4Upload}`,
						url,
					]);
					return { wallMs: performance.now() - started, rssGrowthMb: 0 };
				},
			},
		],
	};
}
