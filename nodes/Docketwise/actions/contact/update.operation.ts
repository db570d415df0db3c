import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { contactExtras, contactFieldsCollection, contactRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	[contactLocator, contactFieldsCollection('updateFields', 'Update Fields'), ...contactExtras],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'contactId', 'Contact ID', itemIndex);
	const contact = contactRecord(this, itemIndex, 'updateFields');
	if (!Object.keys(contact).length) {
		throw new NodeOperationError(this.getNode(), `Nothing to update [item ${itemIndex}]`, {
			itemIndex,
			description: 'Add at least one field under "Update Fields", an address or a phone number.',
		});
	}
	return await apiRequest(this, 'PUT', `/contacts/${id}`, { body: { contact }, itemIndex });
}
