import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requireText } from '../../../shared/validators';
import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { invoiceLocator } from '../common.descriptions';
import { chargeKind, chargeRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['charge'], operation: ['create'] } },
	[
		invoiceLocator,
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			required: true,
		},
		chargeKind,
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					placeholder: 'USCIS filing fee',
				},
				{ displayName: 'Matter ID', name: 'matter_id', type: 'number', default: 0 },
			],
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = recordId(this, 'invoiceId', 'Invoice ID', itemIndex);
	const charge = chargeRecord(this, itemIndex, {
		amount: this.getNodeParameter('amount', itemIndex),
		status: this.getNodeParameter('status', itemIndex),
		date: requireText(this, this.getNodeParameter('date', itemIndex), 'Date', itemIndex),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	});
	return await apiRequest(this, 'POST', `/invoices/${invoiceId}/charges`, {
		body: { charge },
		itemIndex,
	});
}
