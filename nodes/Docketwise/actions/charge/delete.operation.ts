import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requirePositiveInteger } from '../../../shared/items';
import { docketwiseRequest } from '../../transport';
import { chargeIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['charge'], operation: ['delete'] } }, [chargeIdField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requirePositiveInteger(this, this.getNodeParameter('chargeId', itemIndex), 'Charge ID', itemIndex);
	await docketwiseRequest(this, 'DELETE', `/charges/${id}`, { itemIndex });
	return { id, deleted: true };
}
