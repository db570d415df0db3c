import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, deleteOperation as delete, download, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['resultPackage'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Build a result package for a file, several files or a dossier',
				action: 'Create a result package',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a result package',
				action: 'Delete a result package',
			},
			{
				name: 'Download',
				value: 'download',
				description: 'Download a ready result package (ZIP)',
				action: 'Download a result package',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a result package and its status',
				action: 'Get a result package',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the result packages',
				action: 'Get many result packages',
			},
		],
	},
	...create.description,
	...deleteOperation.description,
	...download.description,
	...get.description,
	...getAll.description,
];
