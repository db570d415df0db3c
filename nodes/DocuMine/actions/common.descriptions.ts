import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../shared/validators';

export const templateLocator: INodeProperties = {
	displayName: 'Dossier Template',
	name: 'templateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The dossier template, from the list or by its ID (a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
		},
	],
};

export const dossierLocator: INodeProperties = {
	displayName: 'Dossier',
	name: 'dossierId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The dossier of the template chosen above, from the list or by its ID (a UUID)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDossiers', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '9b2e1c1a-…' },
	],
};

/** A file of the dossier chosen above, from its list or by ID. */
export const fileIdField: INodeProperties = {
	displayName: 'File',
	name: 'fileId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The file, from the list or by its ID (a UUID such as 5f7a0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b)',
	hint: 'The list shows the files of the dossier chosen above; choose the dossier template and dossier first',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchFiles', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '5f7a0c1e-…' },
	],
};

/** The File field's value: the ID from the list, or typed. */
export function fileIdParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(
		ctx,
		ctx.getNodeParameter('fileId', itemIndex, '', { extractValue: true }),
		'File ID',
		itemIndex,
	);
}

/** Polling settings for the "wait" options. */
export function waitFields(show: Record<string, boolean[]>, what: string): INodeProperties[] {
	return [
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 5,
			displayOptions: { show },
			description: `How often, at most, to check the ${what} (the first checks come sooner, then back off to this)`,
		},
		{
			displayName: 'Wait Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 600,
			displayOptions: { show },
			description: 'How long to wait at most before failing with the status reached',
		},
	];
}

export function waitSettings(ctx: IExecuteFunctions, itemIndex: number) {
	return {
		intervalMs: (ctx.getNodeParameter('pollInterval', itemIndex, 5) as number) * 1000,
		timeoutMs: (ctx.getNodeParameter('timeout', itemIndex, 600) as number) * 1000,
		itemIndex,
	};
}

/** Template and dossier IDs from their locators. */
export function dossierPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { templateId: string; dossierId: string } {
	return {
		templateId: requireText(
			ctx,
			ctx.getNodeParameter('templateId', itemIndex, '', { extractValue: true }),
			'Dossier Template',
			itemIndex,
		),
		dossierId: requireText(
			ctx,
			ctx.getNodeParameter('dossierId', itemIndex, '', { extractValue: true }),
			'Dossier',
			itemIndex,
		),
	};
}
