import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { contractIdParameter } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contractLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['get'] } },
	[contractLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contractId = contractIdParameter(this, itemIndex);
	return await apiRequest<IDataObject>(this, 'GET', `/contracts/${contractId}`, {
		itemIndex,
	});
}
