import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { simplified } from '../../helpers/utils';
import { apiList } from '../../transport';
import { simplifyField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getAll'] } },
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
					displayName: 'Include All',
					name: 'all',
					type: 'boolean',
					default: false,
					description:
						'Whether to send Docketwise’s `filter=all` (its documented filter; it widens the list)',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'Person',
					options: [
						{ name: 'Person', value: 'Person' },
						{ name: 'Institution', value: 'Institution' },
					],
				},
			],
		},
		simplifyField,
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.type) qs.type = filters.type;
	if (filters.all) qs.filter = 'all';
	const contacts = await apiList(this, '/contacts', {
		qs,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
	return simplified(this, itemIndex, 'contact', contacts);
}
