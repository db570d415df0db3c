import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { deleteSubscription } from '../../helpers/subscriptions';
import { subscriptionIdParameter, subscriptionLocator } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['delete'] } },
	[subscriptionLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = subscriptionIdParameter(this, itemIndex);
	await deleteSubscription(this, id, { itemIndex });
	return { id, deleted: true };
}
