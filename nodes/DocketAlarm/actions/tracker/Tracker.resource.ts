import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as disable from './disable.operation';
import * as getAll from './getAll.operation';
import * as sendTestPush from './sendTestPush.operation';

export { create, disable, getAll, sendTestPush };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tracker'] } },
		default: 'getAll',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Track a docket or a search',
				action: 'Create a tracker',
			},
			{
				name: 'Disable',
				value: 'disable',
				description:
					'Stop tracking a docket or a search: Docket Alarm keeps the tracker, switched off (it has no delete)',
				action: 'Disable a tracker',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the account’s trackers',
				action: 'Get many trackers',
			},
			{
				name: 'Send Test Push',
				value: 'sendTestPush',
				description: 'Have Docket Alarm send a sample push to the account’s push URL',
				action: 'Send a test push',
			},
		],
	},
	...create.description,
	...disable.description,
	...getAll.description,
	...sendTestPush.description,
];
