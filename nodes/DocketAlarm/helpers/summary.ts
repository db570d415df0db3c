import type { IDataObject } from 'n8n-workflow';

import { clipText, pickFields } from '../../shared/toolOutput';

/** How many of the latest docket entries a summary lists. */
export const SUMMARY_ENTRIES = 10;
/** How much of an entry's text a summary keeps (a motion's docket text can run to pages). */
const SUMMARY_CONTENTS_CHARS = 300;

const CASE_FIELDS = [
	'title',
	'type',
	'status',
	'date_filed',
	'date_terminated',
	'judge',
	'nature_of_suit',
	'cause',
	'link',
] as const;

/**
 * A docket cut to what answers most questions about a case: its facts, who the parties are, and
 * the latest entries with their document links. Counsel lists, exhibits and older entries are
 * left out; "Whole Docket" has them. The compact answer an AI agent gets by default.
 */
export function docketSummary(court: string, docket: string, record: IDataObject): IDataObject {
	const info = (record.info ?? {}) as IDataObject;
	const entries = (record.docket_report ?? []) as IDataObject[];
	const parties = (record.parties ?? []) as IDataObject[];
	// ISO dates sort as text; the highest number goes first on a shared day.
	const latest = [...entries].sort(
		(a, b) =>
			isoDate(b, 'date').localeCompare(isoDate(a, 'date')) ||
			Number(b.number ?? 0) - Number(a.number ?? 0),
	);
	const facts = pickFields(info, CASE_FIELDS);
	for (const field of ['date_filed', 'date_terminated'])
		if (facts[field] !== undefined) facts[field] = isoDate(info, field);
	return {
		court,
		docket,
		...facts,
		parties: parties.map((party) => pickFields(party, ['name', 'type'])),
		entryCount: entries.length,
		latestEntries: latest.slice(0, SUMMARY_ENTRIES).map((entry) => ({
			...pickFields(entry, ['number']),
			date: isoDate(entry, 'date'),
			contents: clipText(plainText(entry.contents), SUMMARY_CONTENTS_CHARS),
			...pickFields(entry, ['link']),
		})),
	};
}

/** A date field in ISO form: the `_iso` twin withIsoDates adds, else the field as Docket Alarm sent it. */
function isoDate(record: IDataObject, field: string): string {
	return String(record[`${field}_iso`] ?? record[field] ?? '');
}

/** Docket text without the markup Docket Alarm leaves in it. */
function plainText(contents: unknown): unknown {
	if (typeof contents !== 'string') return contents;
	return contents
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}
