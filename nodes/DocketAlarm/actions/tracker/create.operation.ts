import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { RequestContext } from '../../../shared/http';
import { optionsCollection } from '../../../shared/descriptions';
import { clientMatterParameter } from '../../helpers/validation';
import { clientMatterFor, apiRequest } from '../../transport';
import { clientMatterOption } from '../common.descriptions';
import { trackerTarget, trackerTargetFields } from './common';

const properties: INodeProperties[] = [
	...trackerTarget,
	{
		displayName: 'Frequency',
		name: 'frequency',
		type: 'options',
		default: 'twice_daily',
		options: [
			{ name: 'Twice a Day', value: 'twice_daily' },
			{ name: 'Weekly', value: 'weekly' },
		],
		description: 'How often Docket Alarm checks for news',
	},
	optionsCollection([clientMatterOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['tracker'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = trackerTargetFields(this, itemIndex);
	const frequency = this.getNodeParameter('frequency', itemIndex, 'twice_daily') as string;
	const clientMatter = await clientMatterFor(
		this,
		clientMatterParameter(this, itemIndex, 'options'),
	);
	await setTracker(this, { ...target, enable: 'true', frequency }, clientMatter, itemIndex);
	return { ...target, enabled: true, frequency, client_matter: clientMatter };
}

/** Enables or disables a tracker. Doing it twice leaves the same state, so a retry is safe. */
export async function setTracker(
	ctx: RequestContext,
	fields: IDataObject,
	clientMatter: string,
	itemIndex?: number,
): Promise<void> {
	await apiRequest(ctx, 'POST', 'track/', { fields, clientMatter, itemIndex, idempotent: true });
}
