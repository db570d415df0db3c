import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { invoiceLocator } from '../common.descriptions';
import { invoiceFieldsCollection, invoiceRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['update'] } },
	[invoiceLocator, invoiceFieldsCollection('updateFields', 'Update Fields')],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'invoiceId', 'Invoice ID', itemIndex);
	return await apiRequest(this, 'PUT', `/invoices/${id}`, {
		body: { invoice: invoiceRecord(this, itemIndex, 'updateFields') },
		itemIndex,
	});
}
