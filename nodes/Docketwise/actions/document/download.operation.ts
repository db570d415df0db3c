import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/descriptions';
import { requirePositiveInteger } from '../../../shared/items';
import { downloadDocument } from '../../transport';
import { documentIdField } from './get.operation';

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['download'] } }, [documentIdField, outputBinaryField]);

/** A read, so several items may be worked on side by side. */
export const parallelItems = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = requirePositiveInteger(this, this.getNodeParameter('documentId', itemIndex), 'Document ID', itemIndex);
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	return [await downloadDocument(this, id, binaryPropertyName, itemIndex)];
}
