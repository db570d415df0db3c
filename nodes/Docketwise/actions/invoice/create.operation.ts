import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';
import { invoiceFieldsCollection, invoiceRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['create'] } },
	[
		recordLocator('contactId', 'Contact', 'contacts', 'searchContacts', {
			description: 'Who the invoice is addressed to',
		}),
		invoiceFieldsCollection('additionalFields', 'Additional Fields'),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoice = {
		contact_id: recordId(this, 'contactId', 'Contact ID', itemIndex),
		...invoiceRecord(this, itemIndex, 'additionalFields'),
	};
	return await apiRequest(this, 'POST', '/invoices', { body: { invoice }, itemIndex });
}
