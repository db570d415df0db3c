import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { limitParameter } from '../../shared/parameters';
import { apiList } from '../transport';

/** Return All / Limit plus the filter and sort DocJuris offers on its catalogue lists. */
export function catalogueListProperties(noun: string): INodeProperties[] {
	return [
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Name Contains',
					name: 'filter',
					type: 'string',
					default: '',
					description: `Only ${noun} whose name contains this text (case-insensitive)`,
				},
				{
					displayName: 'Sort By',
					name: 'sortBy',
					type: 'options',
					default: 'name',
					options: [
						{ name: 'Description', value: 'description' },
						{ name: 'ID', value: 'id' },
						{ name: 'Name', value: 'name' },
					],
				},
			],
		},
	];
}

/** Reads a catalogue list (contract types, playbooks) with the node's Return All, Limit and filters. */
export async function getCatalogue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	recordsKey: string,
): Promise<IDataObject[]> {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.filter) qs.filter = filters.filter;
	if (filters.sortBy) qs.sortBy = filters.sortBy;
	return await apiList(ctx, path, {
		recordsKey,
		qs,
		limit: limitParameter(ctx, itemIndex),
		itemIndex,
	});
}
