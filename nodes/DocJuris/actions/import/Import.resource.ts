import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['import'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Stage a document that DocJuris users turn into a contract or a turn in the app',
				action: 'Create an import',
			},
		],
	},
	...create.description,
];
