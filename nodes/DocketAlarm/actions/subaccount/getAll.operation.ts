import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { applyLimit } from '../../../shared/items';
import { docketAlarmRequest } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['subaccount'], operation: ['getAll'] } }, returnAllOrLimit());

/** A read, so several items may be worked on side by side. */
export const parallelItems = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await docketAlarmRequest<{ subaccounts?: IDataObject[] }>(this, 'GET', 'subaccount/', { itemIndex });
	return applyLimit(this, itemIndex, response.subaccounts ?? []);
}
