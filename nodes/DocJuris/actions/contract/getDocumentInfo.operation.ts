import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { contractIdParameter } from '../../helpers/utils';
import { documentInfo } from '../../transport';
import { contractLocator, docStateField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['getDocumentInfo'] } },
	[contractLocator, docStateField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contractId = contractIdParameter(this, itemIndex);
	const docState = this.getNodeParameter('docState', itemIndex) as string;
	const info = await documentInfo(this, `/contracts/${contractId}/document`, docState, itemIndex);
	return { contractId, docState, ...info };
}
