import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';

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
