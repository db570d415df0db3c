import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { EVENT_TYPES } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['getTestMessages'] } },
	[
		{
			displayName: 'Event',
			name: 'type',
			type: 'options',
			options: EVENT_TYPES,
			default: 'turnCompleted',
			description: 'The event type to get sample messages for',
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const type = this.getNodeParameter('type', itemIndex) as string;
	const messages = await apiRequest<IDataObject[]>(this, 'GET', '/subscriptions/testmessages', {
		qs: { type },
		itemIndex,
	});
	return Array.isArray(messages) ? messages : [];
}
