import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { applyLimit } from '../../../shared/parameters';
import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { matterLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['matter'], operation: ['getReceipts'] } },
	[matterLocator, ...returnAllOrLimit()],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = recordId(this, 'matterId', 'Matter ID', itemIndex);
	const receipts = await apiRequest<IDataObject[]>(this, 'GET', `/matters/${id}/receipts`, {
		itemIndex,
	});
	// Docketwise sends every receipt of the matter in one answer; the limit only trims it.
	return applyLimit(this, itemIndex, Array.isArray(receipts) ? receipts : []).map((receipt) => ({
		matter_id: id,
		...receipt,
	}));
}
