import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { apiRequest } from '../transport';

/** What a court accepts on searchdirect/: field names and, for some, the allowed values. */
export interface CourtSearchForm {
	required: string[];
	optional: string[];
	choices: Record<string, string[]>;
}

function names(value: unknown): string[] {
	if (Array.isArray(value)) {
		return value
			.map((entry) => (typeof entry === 'string' ? entry : (entry as IDataObject)?.name))
			.filter((entry): entry is string => typeof entry === 'string' && entry.length > 0);
	}
	return value && typeof value === 'object' ? Object.keys(value) : [];
}

function choiceValues(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((entry) =>
			Array.isArray(entry)
				? entry[0]
				: typeof entry === 'object' && entry
					? ((entry as IDataObject).value ?? (entry as IDataObject).name)
					: entry,
		)
		.filter((entry) => entry !== undefined && entry !== null)
		.map(String);
}

/** Reads a court's description tolerantly: the shape is known only from Docket Alarm's own code. */
export function parseCourtSearchForm(body: IDataObject): CourtSearchForm {
	const source = (
		body.parameters && typeof body.parameters === 'object' ? body.parameters : body
	) as IDataObject;
	const choices: Record<string, string[]> = {};
	for (const [field, values] of Object.entries((source.choices as IDataObject) ?? {}))
		choices[field] = choiceValues(values);
	return { required: names(source.required), optional: names(source.optional), choices };
}

const forms = new WeakMap<object, Map<string, Promise<CourtSearchForm>>>();

/** A court's search form, fetched once per execution. */
export async function courtSearchForm(
	ctx: RequestContext,
	court: string,
	itemIndex?: number,
): Promise<CourtSearchForm> {
	let cache = forms.get(ctx);
	if (!cache) forms.set(ctx, (cache = new Map()));
	let form = cache.get(court);
	if (!form) {
		form = apiRequest<IDataObject>(ctx, 'GET', 'searchdirect/', {
			fields: { court },
			clientMatter: '',
			itemIndex,
		}).then(parseCourtSearchForm);
		cache.set(court, form);
	}
	return await form;
}

/** Every court that supports direct (state and agency) search. */
export async function directSearchCourts(ctx: RequestContext): Promise<string[]> {
	const body = await apiRequest<IDataObject>(ctx, 'GET', 'searchdirect/', { clientMatter: '' });
	return names(body.courts);
}

/** A court's API field name as a label: `party_name` → "Party Name" (the value stays the API key). */
export function fieldLabel(field: string): string {
	return field
		.split(/[_\s]+/)
		.filter(Boolean)
		.map((word) =>
			word.length <= 3 && /^(id|ssn|us|mdl)$/i.test(word)
				? word.toUpperCase()
				: word.charAt(0).toUpperCase() + word.slice(1),
		)
		.join(' ');
}
