import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { definedFields } from '../../../shared/parameters';
import { requirePositiveInteger } from '../../../shared/validators';
import { invoiceLocator, listOrIdLocator } from '../common.descriptions';

// Docketwise lists charges per invoice only, so the Charge list needs the invoice first.
const chargesOfInvoice: INodeProperties = {
	...invoiceLocator,
	displayName: 'Invoice (To List Its Charges)',
	required: false,
	hint: 'Only for the Charge list below; nothing about it is sent',
};

/** The charge to change: from the chosen invoice's list, or by ID. */
export const chargeFields: INodeProperties[] = [
	chargesOfInvoice,
	listOrIdLocator(
		'chargeId',
		'Charge',
		'searchCharges',
		'From List shows the charges of the invoice chosen above; choose the invoice first',
	),
];

export const chargeKind: INodeProperties = {
	displayName: 'Kind',
	name: 'status',
	type: 'options',
	default: 'service',
	options: [
		{ name: 'Expense', value: 'expense' },
		{ name: 'Fee', value: 'fee' },
		{ name: 'Service', value: 'service' },
	],
	description: 'What the charge is for (Docketwise calls this its status)',
};

/** The `charge` record, checked: a non-negative amount and an optional matter. */
export function chargeRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
): IDataObject {
	const record = definedFields(values);
	if (record.amount !== undefined) {
		const amount = Number(record.amount);
		if (!Number.isFinite(amount) || amount < 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Amount "${String(record.amount)}" must be a number of at least 0 [item ${itemIndex}]`,
				{ itemIndex },
			);
		}
		record.amount = amount;
	}
	if (typeof record.date === 'string') record.date = record.date.slice(0, 10);
	if (record.matter_id === 0) delete record.matter_id;
	else if (record.matter_id !== undefined)
		record.matter_id = requirePositiveInteger(ctx, record.matter_id, 'Matter ID', itemIndex);
	return record;
}
