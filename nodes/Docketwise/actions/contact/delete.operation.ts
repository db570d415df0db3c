import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['delete'] } },
	[contactLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'contactId', 'Contact ID', itemIndex);
	await apiRequest(this, 'DELETE', `/contacts/${id}`, { itemIndex });
	return { id, deleted: true };
}
