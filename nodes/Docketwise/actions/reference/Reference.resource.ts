import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

/** User, Matter Type, Matter Status and Country: read-only lists with one operation each. */
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user', 'matterType', 'matterStatus', 'country'] } },
		default: 'getAll',
		options: [{ name: 'Get Many', value: 'getAll', description: 'List many of them', action: 'Get many' }],
	},
	...getAll.description,
];
