import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getReceipts from './getReceipts.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, get, getAll, getReceipts, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['matter'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a matter for a client',
				action: 'Create a matter',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a matter',
				action: 'Delete a matter',
			},
			{ name: 'Get', value: 'get', description: 'Get a matter', action: 'Get a matter' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List matters',
				action: 'Get many matters',
			},
			{
				name: 'Get Receipts',
				value: 'getReceipts',
				description: 'List a matter’s USCIS receipts',
				action: 'Get matter receipts',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a matter',
				action: 'Update a matter',
			},
		],
	},
	...create.description,
	...deleteOperation.description,
	...get.description,
	...getAll.description,
	...getReceipts.description,
	...update.description,
];
