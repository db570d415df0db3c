import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { matterLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['matter'], operation: ['delete'] } },
	[matterLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'matterId', 'Matter ID', itemIndex);
	await apiRequest(this, 'DELETE', `/matters/${id}`, { itemIndex });
	return { id, deleted: true };
}
