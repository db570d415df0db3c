import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dossierTemplate'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a dossier template',
				action: 'Get a dossier template',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the dossier templates',
				action: 'Get many dossier templates',
			},
		],
	},
	...get.description,
	...getAll.description,
];
