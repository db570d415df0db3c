import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

/** What each read-only list holds, as the editor names it in actions ("Get many matter types"). */
const LIST_NAMES: Record<keyof typeof getAll.REFERENCE_LISTS, string> = {
	user: 'users',
	matterType: 'matter types',
	matterStatus: 'matter statuses',
	country: 'countries',
};

/** User, Matter Type, Matter Status and Country: read-only lists with one operation each. */
export const description: INodeProperties[] = [
	...Object.entries(LIST_NAMES).map(([resource, records]): INodeProperties => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: `List the firm’s ${records}`,
				action: `Get many ${records}`,
			},
		],
	})),
	...getAll.description,
];
