import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';

export { download };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		default: 'download',
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download a filing or exhibit as a PDF',
				action: 'Download a document',
			},
		],
	},
	...download.description,
];
