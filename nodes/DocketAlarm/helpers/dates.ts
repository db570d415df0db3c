import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/**
 * Converts a date given in n8n (an ISO string or DateTime from the date picker or an expression,
 * or already mm/dd/yyyy) to the zero-padded mm/dd/yyyy Docket Alarm expects. Empty stays empty.
 */
export function toDocketAlarmDate(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text =
		typeof value === 'string'
			? value.trim()
			: typeof (value as { toISO?: () => string }).toISO === 'function'
				? (value as { toISO: () => string }).toISO()
				: value instanceof Date
					? value.toISOString()
					: String(value);
	let parts: [number, number, number] | undefined;
	const us = US_DATE.exec(text);
	const iso = ISO_DATE.exec(text);
	if (us) parts = [Number(us[3]), Number(us[1]), Number(us[2])];
	else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	if (!parts || !validDay(...parts)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} "${text}" is not a date [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'Use a date from the picker, an ISO date such as 2026-03-31, or 03/31/2026.',
			},
		);
	}
	const [year, month, day] = parts;
	return `${pad(month)}/${pad(day)}/${year}`;
}

/** An mm/dd/yyyy date from Docket Alarm (often unpadded, e.g. 5/29/2013) as an ISO date, if it is one. */
export function isoDate(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = US_DATE.exec(value.trim());
	if (!match) return undefined;
	const [year, month, day] = [Number(match[3]), Number(match[1]), Number(match[2])];
	return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

const DATE_FIELD = /^date($|_)|_date$|^last_updated$/;

/**
 * Adds an ISO twin (`date_filed_iso`) next to every Docket Alarm date field of a record and of its
 * nested records, keeping the original value as the vendor sent it.
 */
export function withIsoDates<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => withIsoDates(entry)) as T;
	if (!value || typeof value !== 'object') return value;
	const result: IDataObject = {};
	for (const [key, field] of Object.entries(value as IDataObject)) {
		result[key] = withIsoDates(field);
		if (DATE_FIELD.test(key) && typeof field === 'string') {
			const iso = isoDate(field);
			if (iso) result[`${key}_iso`] = iso;
		}
	}
	return result as T;
}
