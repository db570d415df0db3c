import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../../shared/validators';

/** A result package, from the workspace's list of downloads or by ID. */
export const packageIdField: INodeProperties = {
	displayName: 'Result Package',
	name: 'downloadId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchResultPackages', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '7c2d4e1f-…' },
	],
};

export const packageId = (ctx: IExecuteFunctions, itemIndex: number) =>
	requireText(
		ctx,
		ctx.getNodeParameter('downloadId', itemIndex, '', { extractValue: true }),
		'Package ID',
		itemIndex,
	);
