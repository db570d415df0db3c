import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { apiList } from '../../transport';

/** Read-only firm lists, each a Get Many. */
export const REFERENCE_LISTS: Record<string, string> = {
	user: '/users',
	matterType: '/matter_types',
	matterStatus: '/matter_statuses',
	country: '/countries',
};

export const description = updateDisplayOptions(
	{ show: { resource: Object.keys(REFERENCE_LISTS), operation: ['getAll'] } },
	returnAllOrLimit(),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	return await apiList(this, REFERENCE_LISTS[resource], {
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
