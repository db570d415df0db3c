import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../../shared/items';
import { courtLocator, docketField } from '../common.descriptions';

export const trackerTarget: INodeProperties[] = [
	{
		displayName: 'Track',
		name: 'trackerType',
		type: 'options',
		default: 'docket',
		options: [
			{ name: 'Docket', value: 'docket', description: 'New entries on one docket' },
			{ name: 'Search', value: 'search', description: 'New results of a Docket Alarm search' },
		],
	},
	{ ...courtLocator, displayOptions: { show: { trackerType: ['docket'] } } },
	{ ...docketField, displayOptions: { show: { trackerType: ['docket'] } } },
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { trackerType: ['search'] } },
		placeholder: 'party:(name:"Acme") is:docket',
		description: 'The search whose new results are reported',
	},
];

/** The track/ fields naming a docket tracker (court + docket) or a search tracker (q). */
export function trackerTargetFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = ctx.getNodeParameter('trackerType', itemIndex, 'docket') as string;
	if (type === 'search') return { q: requireText(ctx, ctx.getNodeParameter('query', itemIndex), 'Query', itemIndex), court: '', docket: '' };
	return {
		court: requireText(ctx, ctx.getNodeParameter('court', itemIndex, '', { extractValue: true }), 'Court', itemIndex),
		docket: requireText(ctx, ctx.getNodeParameter('docket', itemIndex), 'Docket', itemIndex),
	};
}
