import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/descriptions';
import { contractIdParameter, resolveTurnId } from '../../helpers/utils';
import { downloadDocument } from '../../transport';
import { contractLocator, docStateField, turnSelection } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['turn'], operation: ['download'] } },
	[contractLocator, ...turnSelection('get'), docStateField, outputBinaryField],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const contractId = contractIdParameter(this, itemIndex);
	const docState = this.getNodeParameter('docState', itemIndex) as string;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const turnId = await resolveTurnId(this, contractId, itemIndex);
	const item = await downloadDocument(
		this,
		`/contracts/${contractId}/turns/${turnId}/document`,
		docState,
		binaryPropertyName,
		itemIndex,
	);
	Object.assign(item.json, { contractId, turnId });
	return [item];
}
