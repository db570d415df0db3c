import type { INodeProperties } from 'n8n-workflow';

import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as upload from './upload.operation';

export { deleteOperation as delete, get, getAll, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		default: 'upload',
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a file (to the trash)',
				action: 'Delete a file',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a file and its processing status',
				action: 'Get a file',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the files of a dossier',
				action: 'Get many files',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file to a dossier',
				action: 'Upload a file',
			},
		],
	},
	...deleteOperation.description,
	...get.description,
	...getAll.description,
	...upload.description,
];
