import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as getMessages from './getMessages.operation';
import * as getTestMessages from './getTestMessages.operation';

export { create, deleteOperation as delete, getAll, getMessages, getTestMessages };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		default: 'getAll',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Subscribe a URL to an event',
				action: 'Create a subscription',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a subscription',
				action: 'Delete a subscription',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the subscriptions',
				action: 'Get many subscriptions',
			},
			{
				name: 'Get Messages',
				value: 'getMessages',
				description:
					'List the messages sent for a subscription, to audit or back-fill missed events',
				action: 'Get subscription messages',
			},
			{
				name: 'Get Test Messages',
				value: 'getTestMessages',
				description: 'Get sample messages of an event type',
				action: 'Get test messages',
			},
		],
	},
	...create.description,
	...deleteOperation.description,
	...getAll.description,
	...getMessages.description,
	...getTestMessages.description,
];
