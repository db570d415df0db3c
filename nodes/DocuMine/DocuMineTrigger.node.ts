import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { eventsSubtitle } from '../shared/descriptions';
import { dossierLocator, templateLocator } from './actions/common.descriptions';
import {
	FIELDS,
	FILE_DONE,
	FILE_FAILED,
	LIST_KEYS,
	outcomeOf,
	PACKAGE_FAILED,
	PACKAGE_READY,
	PATHS,
} from './api';
import { authenticationParameter } from './authentication';
import { apiList } from './transport';

/** Keys remembered so nothing is emitted twice; a dossier's file IDs all fit comfortably. */
const REMEMBERED_KEYS = 20000;

interface PollState {
	scope: string;
	seen: string[];
}

/** The records an event looks at, and the key that identifies an occurrence (none: not an event yet). */
async function occurrences(
	ctx: IPollFunctions,
	event: string,
): Promise<Array<{ key: string; record: IDataObject }>> {
	if (event === 'resultPackageReady') {
		const packages = await apiList(ctx, PATHS.downloads(), { recordsKey: LIST_KEYS.downloads });
		return packages
			.filter(
				(record) =>
					outcomeOf(record[FIELDS.downloadStatus], PACKAGE_READY, PACKAGE_FAILED) === 'done',
			)
			.map((record) => ({ key: `ready:${String(record.id ?? record.downloadId)}`, record }));
	}
	const templateId = String(ctx.getNodeParameter('templateId', '', { extractValue: true }));
	const dossierId = String(ctx.getNodeParameter('dossierId', '', { extractValue: true }));
	const files = await apiList(ctx, PATHS.files(templateId, dossierId), {
		recordsKey: LIST_KEYS.files,
	});
	if (event === 'newFile')
		return files.map((record) => ({ key: `new:${String(record.id)}`, record }));
	return files.flatMap((record) => {
		const status = record[FIELDS.fileProcessingStatus];
		const outcome = outcomeOf(status, FILE_DONE, FILE_FAILED);
		// Reprocessing ends in a new occurrence, keyed by the file's last processing time when given.
		return outcome === 'running'
			? []
			: [
					{
						key: `${outcome}:${String(record.id)}:${String(record.lastProcessed ?? '')}`,
						record: { ...record, succeeded: outcome === 'done' },
					},
				];
	});
}

const properties: INodeProperties[] = [
	authenticationParameter,
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		default: 'fileProcessed',
		options: [
			{
				name: 'File Processed',
				value: 'fileProcessed',
				description: 'A file finished processing, successfully or with an error (see "succeeded")',
			},
			{ name: 'New File', value: 'newFile', description: 'A file was added to the dossier' },
			{
				name: 'Result Package Ready',
				value: 'resultPackageReady',
				description: 'A result package can be downloaded',
			},
		],
	},
	{ ...templateLocator, displayOptions: { show: { event: ['fileProcessed', 'newFile'] } } },
	{ ...dossierLocator, displayOptions: { show: { event: ['fileProcessed', 'newFile'] } } },
];

export class DocuMineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocuMine Trigger',
		name: 'docuMineTrigger',
		icon: { light: 'file:documine.svg', dark: 'file:documine.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(properties, 'event'),
		description:
			'Starts the workflow when DocuMine finishes a file, receives a file or readies a result package',
		defaults: { name: 'DocuMine Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'docuMineApi',
				required: true,
				displayOptions: { show: { authentication: ['password'] } },
			},
			{
				name: 'docuMineOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const found = await occurrences(this, event);
		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the latest occurrence, without moving the cursor.
			const latest = found.at(-1);
			return latest ? [this.helpers.returnJsonArray([{ event, ...latest.record }])] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const scope =
			event === 'resultPackageReady'
				? event
				: `${event}:${String(this.getNodeParameter('dossierId', '', { extractValue: true }))}`;
		const state = staticData.state as unknown as PollState | undefined;
		const first = !state || state.scope !== scope;
		const seen = new Set(first ? [] : state.seen);
		const fresh = found.filter(({ key }) => !seen.has(key));
		for (const { key } of fresh) seen.add(key);
		// The first poll takes note of what exists, so activation does not replay history.
		staticData.state = { scope, seen: [...seen].slice(-REMEMBERED_KEYS) } as unknown as IDataObject;
		if (first || !fresh.length) return null;
		return [this.helpers.returnJsonArray(fresh.map(({ record }) => ({ event, ...record })))];
	}
}
