import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['component'] } },
		default: 'get',
		options: [
			{
				name: 'Get for File',
				value: 'get',
				description: 'Get the components extracted from a file',
				action: 'Get components of a file',
			},
		],
	},
	...get.description,
];
