import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { apiList } from '../../transport';
import { subscriptionIdParameter, subscriptionLocator } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['getMessages'] } },
	[subscriptionLocator, ...returnAllOrLimit()],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = subscriptionIdParameter(this, itemIndex);
	const messages = await apiList(this, `/subscriptions/${id}/messages`, {
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
	return messages.map((message) => ({ subscriptionId: id, ...message }));
}
