/** Benchmark scenario B5. */
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';

import {
	httpRequest,
	ifEquals,
	noOp,
	readFiles,
	waitNode,
	webhookNode,
} from '../../test/kit/workflow';
import { type BenchKit, MEASURED, nodeRun, type Scenario } from './common';

export function b5(kit: BenchKit): Scenario {
	const {
		docuMine,
		settings,
		docuMineOurs,
		docuMineNode,
		docuMineToken,
		docuMineHeaders,
		variant,
		FILES,
		requests,
		wall,
		b5Files,
	} = kit;
	return {
		id: 'B5',
		title: `DocuMine upload and wait for ${FILES} files taking ${settings.processingMs / 1000} s each`,
		metrics: {
			requestsPerFile: { label: 'requests per file', unit: '' },
			wallMs: { label: 'wall time', unit: 'ms' },
		},
		// One upload per file and one read of the dossier's file list; nothing finishes before its processing time.
		floors: { requestsPerFile: 1 + 1 / FILES, wallMs: settings.processingMs },
		setup: async () => {
			docuMine.processingMs = settings.processingMs;
			mkdirSync(b5Files, { recursive: true });
			for (let index = 1; index <= FILES; index++)
				writeFileSync(
					path.join(b5Files, `study-${String(index).padStart(3, '0')}.pdf`),
					`%PDF-1.7\nstudy ${index}\n${'x'.repeat(20_000)}`,
				);
		},
		body: () => ({}),
		counters: () => ({ ...requests(docuMine), logins: docuMine.logins }),
		metricsOf: (measurement, delta, variant) => {
			// The hand-built loop ends in "Done" once per round; ours outputs every file at once.
			const finished =
				variant.kind === 'ours'
					? nodeRun(measurement).items - nodeRun(measurement).errorItems
					: (measurement.nodes.Done?.itemsAllRuns ?? 0);
			return {
				requestsPerFile: (delta.requests - delta.logins) / FILES,
				wallMs: wall(measurement),
				unfinishedFiles: FILES - finished,
			};
		},
		variants: [
			variant('B5', 'ours', 'DocuMine node', 'ours', (run, hook) => {
				const { ref, credential } = docuMineOurs('B5', 'ours', run);
				const upload = docuMineNode(ref, {
					resource: 'file',
					operation: 'upload',
					templateId: { __rl: true, mode: 'id', value: 'tpl-tox' },
					dossierId: { __rl: true, mode: 'id', value: 'dos-1' },
					binaryPropertyName: 'data',
					waitForProcessing: true,
					pollInterval: 5,
					timeout: 600,
				});
				return {
					nodes: [webhookNode(hook), readFiles(`${b5Files}/*.pdf`), upload],
					credentials: [credential],
				};
			}),
			variant('B5', 'http', 'HTTP Request node + Wait/If loop', 'httpRequest', (_run, hook) => {
				const files = `${docuMine.url}/api/dossier-templates/tpl-tox/dossiers/dos-1/files`;
				const upload = httpRequest(MEASURED, {
					method: 'POST',
					url: files,
					headers: docuMineHeaders,
					multipart: { files: [{ name: 'file', binaryProperty: 'data' }] },
				});
				const status = httpRequest('Get Status', {
					url: `=${files}/{{ $json.id }}`,
					headers: docuMineHeaders,
				});
				const nodes = [
					webhookNode(hook),
					docuMineToken(),
					readFiles(`${b5Files}/*.pdf`),
					upload,
					waitNode('Wait', 5),
					status,
					ifEquals('Processed?', '={{ $json.processingStatus }}', 'PROCESSED'),
					noOp('Done'),
				];
				return { nodes, links: [['Processed?', 1, 'Wait']], credentials: [] };
			}),
		],
	};
}
