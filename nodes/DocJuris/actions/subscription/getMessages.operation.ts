import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { docJurisArrayList } from '../../transport';
import { subscriptionIdParameter, subscriptionLocator } from './common';

export const description = updateDisplayOptions({ show: { resource: ['subscription'], operation: ['getMessages'] } }, [
	subscriptionLocator,
	...returnAllOrLimit(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = subscriptionIdParameter(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const messages = await docJurisArrayList(this, `/subscriptions/${id}/messages`, limit, itemIndex);
	return messages.map((message) => ({ subscriptionId: id, ...message }));
}
