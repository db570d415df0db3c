import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestContext } from '../../../shared/http';
import { requireText } from '../../../shared/validators';
import { collectOffsetPages } from '../../../shared/paging';
import { apiRequest } from '../../transport';
import { courtLocator, docketField } from '../common.descriptions';

/** track/ serves at most 50 trackers a call. */
const TRACKERS_PAGE_SIZE = 50;

/** The account's trackers (track/ gives no total, so pages run until a short one). */
export async function listTrackers(
	ctx: RequestContext,
	limit?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectOffsetPages(
		async (offset, pageSize) => {
			const page = await apiRequest<{ dockets?: IDataObject[] }>(ctx, 'GET', 'track/', {
				fields: { offset, limit: pageSize },
				itemIndex,
			});
			return { records: page.dockets ?? [] };
		},
		{ limit, maxPageSize: TRACKERS_PAGE_SIZE },
	);
}

/** Whether a listed tracker is the one a target (court + docket, or a search's q) names. */
export function isTrackerOf(tracker: IDataObject, target: IDataObject): boolean {
	if (target.q) return String(tracker.q ?? '') === String(target.q);
	return (
		!tracker.q &&
		String(tracker.court ?? '') === String(target.court) &&
		String(tracker.docket ?? '') === String(target.docket)
	);
}

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
	if (type === 'search')
		return {
			q: requireText(ctx, ctx.getNodeParameter('query', itemIndex), 'Query', itemIndex),
			court: '',
			docket: '',
		};
	return {
		court: requireText(
			ctx,
			ctx.getNodeParameter('court', itemIndex, '', { extractValue: true }),
			'Court',
			itemIndex,
		),
		docket: requireText(ctx, ctx.getNodeParameter('docket', itemIndex), 'Docket', itemIndex),
	};
}
