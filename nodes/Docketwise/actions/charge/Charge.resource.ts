import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['charge'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a charge to an invoice',
				action: 'Create a charge',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a charge',
				action: 'Delete a charge',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List an invoice’s charges',
				action: 'Get many charges',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a charge',
				action: 'Update a charge',
			},
		],
	},
	...create.description,
	...deleteOperation.description,
	...getAll.description,
	...update.description,
];
