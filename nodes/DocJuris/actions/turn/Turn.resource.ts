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
		displayOptions: { show: { resource: ['turn'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Upload a new version of a contract as its next turn',
				action: 'Create a turn',
			},
			{
				name: 'Download Document',
				value: 'download',
				description: 'Download a turn’s document',
				action: 'Download a turn document',
			},
			{ name: 'Get', value: 'get', description: 'Get a turn’s details', action: 'Get a turn' },
			{
				name: 'Get Document Info',
				value: 'getDocumentInfo',
				description: 'Get the file name and extension of a turn’s document',
				action: 'Get turn document info',
			},
		],
	},
	...create.description,
	...get.description,
	...download.description,
	...getDocumentInfo.description,
];
