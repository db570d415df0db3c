import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a note to a matter or contact',
				action: 'Create a note',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a note', action: 'Delete a note' },
			{ name: 'Update', value: 'update', description: 'Update a note', action: 'Update a note' },
		],
	},
	...create.description,
	...deleteOperation.description,
	...update.description,
];
