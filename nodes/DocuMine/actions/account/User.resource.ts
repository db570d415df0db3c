import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getUsers.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the workspace’s users',
				action: 'Get many users',
			},
		],
	},
	...getAll.description,
];
