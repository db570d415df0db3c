import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requirePositiveInteger } from '../../shared/validators';

/** The numeric ID from a record locator (list, ID or app link), checked before anything is sent. */
export function recordId(
	ctx: IExecuteFunctions,
	parameter: string,
	label: string,
	itemIndex: number,
): number {
	return requirePositiveInteger(
		ctx,
		ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }),
		label,
		itemIndex,
	);
}

// Simplify drops what most workflows do not read, never what no other operation gives: a record's
// notes (Docketwise has no list of notes), a matter's receipts, assigned users and client.
const SIMPLE_FIELDS: Record<string, string[]> = {
	contact: [
		'id',
		'type',
		'first_name',
		'middle_name',
		'last_name',
		'company_name',
		'email',
		'lead',
		'lead_phone',
		'created_at',
		'updated_at',
		'notes',
	],
	matter: [
		'id',
		'number',
		'title',
		'description',
		'client_id',
		'attorney_id',
		'status',
		'type',
		'archived',
		'priority_date',
		'receipt_number',
		'created_at',
		'updated_at',
		'user_ids',
		'client',
		'receipts',
		'notes',
	],
	invoice: [
		'id',
		'invoice_number',
		'contact_id',
		'user_id',
		'invoice_type',
		'status',
		'issue_date',
		'due_date',
		'stored_total',
		'stored_balance',
		'created_at',
		'updated_at',
	],
};

/** With "Simplify" on, keeps the fields most workflows need; off returns Docketwise's record as is. */
export function simplified(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: keyof typeof SIMPLE_FIELDS,
	records: IDataObject[],
): IDataObject[] {
	if (!ctx.getNodeParameter('simplify', itemIndex, true)) return records;
	return records.map((record) =>
		Object.fromEntries(
			SIMPLE_FIELDS[kind].filter((field) => field in record).map((field) => [field, record[field]]),
		),
	);
}

/** Nested-attribute rows as the docs draw them: `[{ data: { …fields } }]`, with `id` to target an existing row. */
export function nestedRows(rows: IDataObject[] | undefined): IDataObject[] | undefined {
	if (!rows?.length) return undefined;
	return rows.map(({ id, ...data }) => {
		const clean = Object.fromEntries(
			Object.entries(data).filter(([, value]) => value !== '' && value !== undefined),
		);
		return Number(id) > 0 ? { id: Number(id), data: clean } : { data: clean };
	});
}
