import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';

export { create, deleteOperation as delete, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tracker'] } },
		default: 'getAll',
		options: [
			{ name: 'Create', value: 'create', description: 'Track a docket or a search', action: 'Create a tracker' },
			{ name: 'Delete', value: 'delete', description: 'Stop tracking a docket or a search', action: 'Delete a tracker' },
			{ name: 'Get Many', value: 'getAll', description: 'List the account’s trackers', action: 'Get many trackers' },
		],
	},
	...create.description,
	...deleteOperation.description,
	...getAll.description,
];
