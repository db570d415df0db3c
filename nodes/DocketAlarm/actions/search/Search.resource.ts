import type { INodeProperties } from 'n8n-workflow';

import * as search from './search.operation';
import * as searchDirect from './searchDirect.operation';
import * as searchPacer from './searchPacer.operation';

export { search, searchDirect, searchPacer };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['search'] } },
		default: 'search',
		options: [
			{
				name: 'Search Docket Alarm',
				value: 'search',
				description:
					'Full-text search of every docket and document Docket Alarm holds (no extra cost)',
				action: 'Search dockets and documents in all courts',
			},
			{
				name: 'Search PACER',
				value: 'searchPacer',
				description: 'Live search of federal dockets in PACER (fees per page of results)',
				action: 'Search PACER',
			},
			{
				name: 'Search State or Agency Court',
				value: 'searchDirect',
				description: 'Live search of one state or agency court',
				action: 'Search a state or agency court',
			},
		],
	},
	...search.description,
	...searchPacer.description,
	...searchDirect.description,
];
