import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { applyLimit } from '../../../shared/parameters';
import { listSubscriptions } from '../../helpers/subscriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['getAll'] } },
	returnAllOrLimit(),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// DocJuris returns every subscription in one response; Limit trims it here.
	return applyLimit(this, itemIndex, await listSubscriptions(this, itemIndex));
}
