import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { definedFields } from '../../../shared/parameters';
import { requirePositiveInteger } from '../../../shared/validators';

export function invoiceFieldsCollection(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Close Date', name: 'close_date', type: 'dateTime', default: '' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Discount Amount', name: 'discount_amount', type: 'number', default: 0 },
			{
				displayName: 'Discount Amount Description',
				name: 'discount_amount_description',
				type: 'string',
				default: '',
			},
			{ displayName: 'Discount Percent', name: 'discount_percent', type: 'number', default: 0 },
			{
				displayName: 'Discount Percent Description',
				name: 'discount_percent_description',
				type: 'string',
				default: '',
			},
			{ displayName: 'Due Date', name: 'due_date', type: 'dateTime', default: '' },
			{ displayName: 'Footer', name: 'footer', type: 'string', default: '' },
			{
				displayName: 'Include Footer',
				name: 'include_footer',
				type: 'boolean',
				default: false,
				description: 'Whether to print the footer',
			},
			{
				displayName: 'Include Logo',
				name: 'include_logo',
				type: 'boolean',
				default: false,
				description: 'Whether to print the firm’s logo',
			},
			{
				displayName: 'Invoice Type',
				name: 'invoice_type',
				type: 'options',
				default: 'bill',
				options: [
					{ name: 'Bill', value: 'bill' },
					{ name: 'Disbursement', value: 'disbursement' },
					{ name: 'Trust Request', value: 'trust_request' },
				],
			},
			{ displayName: 'Issue Date', name: 'issue_date', type: 'dateTime', default: '' },
			{
				displayName: 'Last Reminder',
				name: 'last_reminder',
				type: 'dateTime',
				default: '',
				description:
					'When the client was last reminded to pay (Docketwise counts the next reminder from it)',
			},
			{
				displayName: 'Matter IDs',
				name: 'matter_ids',
				type: 'string',
				default: '',
				placeholder: '77, 78',
				description: 'Matters the invoice is for, comma-separated',
			},
			{
				displayName: 'Reminder Frequency (Days)',
				name: 'reminder_frequency',
				type: 'number',
				default: 7,
			},
			{
				displayName: 'Send Reminders',
				name: 'send_reminders',
				type: 'boolean',
				default: false,
				description: 'Whether Docketwise sends payment reminders',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'unpaid',
				options: [
					{ name: 'Paid', value: 'paid' },
					{ name: 'Unpaid', value: 'unpaid' },
				],
			},
			{
				displayName: 'Trust Level',
				name: 'trust_level',
				type: 'options',
				default: 'client_level',
				description:
					'For a trust request: whether the money is held for the client or for the matter',
				options: [
					{ name: 'Client', value: 'client_level' },
					{ name: 'Matter', value: 'matter_level' },
				],
			},
			{
				displayName: 'Trust Request Amount',
				name: 'trust_request_amount',
				type: 'number',
				default: 0,
			},
			{
				displayName: 'User Name or ID',
				name: 'user_id',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
		],
	};
}

const DATE_FIELDS = ['close_date', 'due_date', 'issue_date'];

/** The `invoice` record: dates as YYYY-MM-DD, matters as nested attributes, discount flags derived. */
export function invoiceRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: string,
): IDataObject {
	const record = definedFields(ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject);
	for (const field of DATE_FIELDS)
		if (typeof record[field] === 'string') record[field] = String(record[field]).slice(0, 10);
	if (record.discount_percent !== undefined)
		record.has_discount_percent = Number(record.discount_percent) > 0;
	if (record.discount_amount !== undefined)
		record.has_discount_amount = Number(record.discount_amount) > 0;
	if (record.user_id !== undefined)
		record.user_id = requirePositiveInteger(ctx, record.user_id, 'User ID', itemIndex);
	if (typeof record.matter_ids === 'string') {
		const ids = record.matter_ids
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean);
		record.invoice_matters_attributes = ids.map((id) => ({
			matter_id: requirePositiveInteger(ctx, id, 'Matter ID', itemIndex),
		}));
		delete record.matter_ids;
	}
	return record;
}
