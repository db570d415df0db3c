import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['docket'] } },
		default: 'get',
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a docket: case info, entries and parties',
				action: 'Get a docket',
			},
		],
	},
	...get.description,
];
