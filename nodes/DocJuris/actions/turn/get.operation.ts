import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { simplifyTurn, turnOutput } from '../../helpers/simplify';
import { contractIdParameter, resolveTurnId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contractLocator, turnSelection } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['turn'], operation: ['get'] } },
	[contractLocator, ...turnSelection('get'), ...simplifyTurn],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contractId = contractIdParameter(this, itemIndex);
	const turnId = await resolveTurnId(this, contractId, itemIndex);
	const turn = await apiRequest<IDataObject>(
		this,
		'GET',
		`/contracts/${contractId}/turns/${turnId}`,
		{
			itemIndex,
		},
	);
	return turnOutput(this, itemIndex, { contractId, ...turn });
}
