import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { apiList } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['getAll'] } },
	[
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Title Contains',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Only documents whose title matches',
				},
			],
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = filters.search ? { search: filters.search } : {};
	return await apiList(this, '/documents', {
		qs,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
