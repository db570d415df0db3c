import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requireText } from '../../../shared/items';
import { docketwiseRequest } from '../../transport';
import { contactExtras, contactFieldsCollection, contactRecord } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, [
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true },
	contactFieldsCollection('additionalFields', 'Additional Fields'),
	...contactExtras,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contact = {
		first_name: requireText(this, this.getNodeParameter('firstName', itemIndex), 'First Name', itemIndex),
		last_name: requireText(this, this.getNodeParameter('lastName', itemIndex), 'Last Name', itemIndex),
		...contactRecord(this, itemIndex, 'additionalFields'),
	};
	return await docketwiseRequest(this, 'POST', '/contacts', { body: { contact }, itemIndex });
}
