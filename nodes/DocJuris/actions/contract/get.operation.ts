import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { contractOutput, simplifyContract } from '../../helpers/simplify';
import { contractIdParameter } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contractLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['get'] } },
	[contractLocator, ...simplifyContract],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contractId = contractIdParameter(this, itemIndex);
	const contract = await apiRequest<IDataObject>(this, 'GET', `/contracts/${contractId}`, {
		itemIndex,
	});
	return contractOutput(this, itemIndex, contract);
}
