import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requirePositiveInteger } from '../../../shared/items';
import { docketwiseRequest } from '../../transport';

export const documentIdField = { displayName: 'Document ID', name: 'documentId', type: 'string' as const, default: '', required: true, placeholder: '4512' };

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['get'] } }, [documentIdField]);

/** A read, so several items may be worked on side by side. */
export const parallelItems = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requirePositiveInteger(this, this.getNodeParameter('documentId', itemIndex), 'Document ID', itemIndex);
	return await docketwiseRequest(this, 'GET', `/documents/${id}`, { itemIndex });
}
