import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { chargeFields, chargeKind, chargeRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['charge'], operation: ['update'] } },
	[
		...chargeFields,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Amount',
					name: 'amount',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 0,
				},
				{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
				{ displayName: 'Description', name: 'description', type: 'string', default: '' },
				{ ...chargeKind, displayName: 'Kind' },
				{ displayName: 'Matter ID', name: 'matter_id', type: 'number', default: 0 },
			],
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'chargeId', 'Charge ID', itemIndex);
	const charge = chargeRecord(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	if (!Object.keys(charge).length)
		throw new NodeOperationError(this.getNode(), `Nothing to update [item ${itemIndex}]`, {
			itemIndex,
		});
	return await apiRequest(this, 'PUT', `/charges/${id}`, { body: { charge }, itemIndex });
}
