import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId, simplified } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactLocator, simplifyField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	[contactLocator, simplifyField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = recordId(this, 'contactId', 'Contact ID', itemIndex);
	return simplified(this, itemIndex, 'contact', [
		await apiRequest(this, 'GET', `/contacts/${id}`, { itemIndex }),
	]);
}
