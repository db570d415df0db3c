import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireGuid } from '../../../shared/validators';

export const subscriptionLocator: INodeProperties = {
	displayName: 'Subscription',
	name: 'subscriptionId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	hint: 'The list is empty until the account has a subscription: create one with Subscription → Create, or activate a DocJuris Trigger',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSubscriptions', searchable: false },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'C5672EE4-2FC3-49A3-9D07-08F8E27B7696',
		},
	],
};

export function subscriptionIdParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('subscriptionId', itemIndex, '', { extractValue: true });
	return requireGuid(ctx, value, 'Subscription ID', itemIndex);
}
