import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { applyLimit } from '../../../shared/parameters';
import { apiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['subaccount'], operation: ['getAll'] } },
	returnAllOrLimit(),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await apiRequest<{ subaccounts?: IDataObject[] }>(this, 'GET', 'subaccount/', {
		itemIndex,
	});
	return applyLimit(this, itemIndex, response.subaccounts ?? []);
}
