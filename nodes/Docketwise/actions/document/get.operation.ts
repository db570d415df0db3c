import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { documentLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['get'] } },
	[documentLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'documentId', 'Document ID', itemIndex);
	return await apiRequest(this, 'GET', `/documents/${id}`, { itemIndex });
}
