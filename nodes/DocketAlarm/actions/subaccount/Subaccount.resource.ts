import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export { getAll, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subaccount'] } },
		default: 'getAll',
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a sub account',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the sub-accounts',
				action: 'Get many sub accounts',
			},
		],
	},
	...upsert.description,
	...getAll.description,
];
