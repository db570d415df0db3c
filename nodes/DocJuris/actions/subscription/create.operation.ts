import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requireText } from '../../../shared/validators';
import { createSubscription } from '../../helpers/subscriptions';
import { EVENT_TYPES } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'type',
		type: 'options',
		options: EVENT_TYPES,
		default: 'turnCompleted',
		required: true,
		description: 'Which event DocJuris will send to the URL',
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/hooks/docjuris?key=secret',
		description:
			'Public HTTPS URL DocJuris posts events to. DocJuris does not sign its calls, so include a secret the receiver checks. To receive events in n8n, use the DocJuris Trigger node instead.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('type', itemIndex) as string;
	const webhookUrl = requireText(
		this,
		this.getNodeParameter('webhookUrl', itemIndex),
		'Webhook URL',
		itemIndex,
	);
	if (!/^https?:\/\/[^\s/]+/i.test(webhookUrl)) {
		throw new NodeOperationError(
			this.getNode(),
			`Webhook URL "${webhookUrl}" is not an http(s) URL [item ${itemIndex}]`,
			{
				itemIndex,
			},
		);
	}
	return await createSubscription(this, type, webhookUrl, itemIndex);
}
