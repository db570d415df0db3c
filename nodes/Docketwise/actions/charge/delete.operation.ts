import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { chargeFields } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['charge'], operation: ['delete'] } },
	chargeFields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'chargeId', 'Charge ID', itemIndex);
	await apiRequest(this, 'DELETE', `/charges/${id}`, { itemIndex });
	return { id, deleted: true };
}
