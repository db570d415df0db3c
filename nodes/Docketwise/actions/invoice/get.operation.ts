import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId, simplified } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { invoiceLocator, simplifyField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['get'] } },
	[invoiceLocator, simplifyField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = recordId(this, 'invoiceId', 'Invoice ID', itemIndex);
	return simplified(this, itemIndex, 'invoice', [
		await apiRequest(this, 'GET', `/invoices/${id}`, { itemIndex }),
	]);
}
