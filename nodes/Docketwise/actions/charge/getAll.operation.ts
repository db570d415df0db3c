import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { recordId } from '../../helpers/utils';
import { apiList } from '../../transport';
import { invoiceLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['charge'], operation: ['getAll'] } },
	[invoiceLocator, ...returnAllOrLimit()],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const invoiceId = recordId(this, 'invoiceId', 'Invoice ID', itemIndex);
	return await apiList(this, `/invoices/${invoiceId}/charges`, {
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
