import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationSubtitle, withOperationOptions } from '../shared/descriptions';
import * as docket from './actions/docket/Docket.resource';
import * as documentResource from './actions/document/Document.resource';
import { operations } from './actions/node.type';
import { router } from './actions/router';
import * as search from './actions/search/Search.resource';
import * as subaccount from './actions/subaccount/Subaccount.resource';
import * as tracker from './actions/tracker/Tracker.resource';
import { listSearch, loadOptions } from './methods';
import { DOCKET_ALARM_PARALLEL_REQUESTS } from './transport';

const properties: INodeProperties[] = withOperationOptions(
	[
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: 'search',
			options: [
				{ name: 'Docket', value: 'docket' },
				{ name: 'Document', value: 'document' },
				{ name: 'Search', value: 'search' },
				{ name: 'Sub-Account', value: 'subaccount' },
				{ name: 'Tracker', value: 'tracker' },
			],
		},
		...search.description,
		...docket.description,
		...documentResource.description,
		...tracker.description,
		...subaccount.description,
	],
	'Docket Alarm',
	operations,
	DOCKET_ALARM_PARALLEL_REQUESTS,
);

export class DocketAlarm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Docket Alarm',
		name: 'docketAlarm',
		icon: { light: 'file:docketalarm.svg', dark: 'file:docketalarm.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Search US court dockets (PACER, state and agency courts), get dockets and filings, and track cases in Docket Alarm',
		defaults: { name: 'Docket Alarm' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'docketAlarmApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
