import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/descriptions';
import { contractIdParameter } from '../../helpers/utils';
import { downloadDocument } from '../../transport';
import { contractLocator, docStateField } from '../common.descriptions';

const properties: INodeProperties[] = [
	contractLocator,
	{
		...docStateField,
		description:
			'Which document to download. Completed states give the latest turn’s document; Original gives the first turn’s.',
	},
	outputBinaryField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['download'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const contractId = contractIdParameter(this, itemIndex);
	const docState = this.getNodeParameter('docState', itemIndex) as string;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const item = await downloadDocument(
		this,
		`/contracts/${contractId}/document`,
		docState,
		binaryPropertyName,
		itemIndex,
	);
	item.json.contractId = contractId;
	return [item];
}
