import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getDocumentInfo from './getDocumentInfo.operation';

export { create, download, get, getDocumentInfo };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contract'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a contract from a file',
				action: 'Create a contract',
			},
			{
				name: 'Download Document',
				value: 'download',
				description: 'Download the contract’s document',
				action: 'Download a contract document',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a contract with its turns',
				action: 'Get a contract',
			},
			{
				name: 'Get Document Info',
				value: 'getDocumentInfo',
				description: 'Get the file name and extension of the contract’s document',
				action: 'Get contract document info',
			},
		],
	},
	...create.description,
	...get.description,
	...download.description,
	...getDocumentInfo.description,
];
