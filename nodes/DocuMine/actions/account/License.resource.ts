import type { INodeProperties } from 'n8n-workflow';

import * as getUsage from './getUsage.operation';

export { getUsage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['license'] } },
		default: 'getUsage',
		options: [
			{
				name: 'Get Usage',
				value: 'getUsage',
				description: 'Get the licence and the capacity used',
				action: 'Get license usage',
			},
		],
	},
	...getUsage.description,
];
