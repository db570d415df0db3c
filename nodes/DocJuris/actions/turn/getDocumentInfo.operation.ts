import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { contractIdParameter, resolveTurnId } from '../../helpers/utils';
import { documentInfo } from '../../transport';
import { contractLocator, docStateField, turnSelection } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['turn'], operation: ['getDocumentInfo'] } },
	[contractLocator, ...turnSelection('get'), docStateField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contractId = contractIdParameter(this, itemIndex);
	const docState = this.getNodeParameter('docState', itemIndex) as string;
	const turnId = await resolveTurnId(this, contractId, itemIndex);
	const info = await documentInfo(
		this,
		`/contracts/${contractId}/turns/${turnId}/document`,
		docState,
		itemIndex,
	);
	return { contractId, turnId, docState, ...info };
}
