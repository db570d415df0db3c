import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId, simplified } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { matterLocator, simplifyField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['matter'], operation: ['get'] } },
	[matterLocator, simplifyField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = recordId(this, 'matterId', 'Matter ID', itemIndex);
	return simplified(this, itemIndex, 'matter', [
		await apiRequest(this, 'GET', `/matters/${id}`, { itemIndex }),
	]);
}
