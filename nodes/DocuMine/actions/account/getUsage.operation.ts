import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { PATHS } from '../../api';
import { apiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['license'], operation: ['getUsage'] } },
	[
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Start of the period; empty for the licence’s current period',
		},
		{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '' },
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const qs: IDataObject = {};
	for (const field of ['startDate', 'endDate']) {
		const value = this.getNodeParameter(field, itemIndex, '') as string;
		if (value) qs[field] = String(value).slice(0, 10);
	}
	return await apiRequest(this, 'GET', PATHS.license(), { qs, itemIndex });
}
