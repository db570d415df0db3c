import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'Docket Alarm sends a sample docket push to the push URL of the account this credential signs in as. Use it to try a Docket Alarm Trigger: its push URL is the one Docket Alarm calls.',
		name: 'testPushNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['tracker'], operation: ['sendTestPush'] } },
	properties,
);

/** `track/` with `test` and nothing else: a fake push notification to the account's push URL. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// A second sample push is harmless, so a server error may be retried.
	await apiRequest(this, 'POST', 'track/', {
		fields: { test: 'true' },
		itemIndex,
		idempotent: true,
	});
	return { testPushSent: true };
}
