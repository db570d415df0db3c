import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { applyLimit } from '../../../shared/items';
import { listSubscriptions } from '../../helpers/subscriptions';

export const description = updateDisplayOptions({ show: { resource: ['subscription'], operation: ['getAll'] } }, returnAllOrLimit());

/** A read, so several items may be worked on side by side. */
export const parallelItems = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// DocJuris returns every subscription in one response; Limit trims it here.
	return applyLimit(this, itemIndex, await listSubscriptions(this, itemIndex));
}
