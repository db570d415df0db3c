import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/descriptions';
import { recordId } from '../../helpers/utils';
import { downloadDocument } from '../../transport';
import { documentLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	[documentLocator, outputBinaryField],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = recordId(this, 'documentId', 'Document ID', itemIndex);
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	return [await downloadDocument(this, id, binaryPropertyName, itemIndex)];
}
