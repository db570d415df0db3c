import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dossier'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a dossier',
				action: 'Create a dossier',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a dossier (to the trash)',
				action: 'Delete a dossier',
			},
			{ name: 'Get', value: 'get', description: 'Get a dossier', action: 'Get a dossier' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the dossiers of a template',
				action: 'Get many dossiers',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a dossier',
				action: 'Update a dossier',
			},
		],
	},
	...create.description,
	...deleteOperation.description,
	...get.description,
	...getAll.description,
	...update.description,
];
