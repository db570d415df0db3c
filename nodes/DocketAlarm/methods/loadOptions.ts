import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { courtSearchForm, directSearchCourts } from '../helpers/directSearch';

export async function getDirectSearchCourts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await directSearchCourts(this)).map((court) => ({ name: court, value: court }));
}

/** A court's API field name as a label: `party_name` → "Party Name" (the value stays the API key). */
export function fieldLabel(field: string): string {
	return field
		.split(/[_\s]+/)
		.filter(Boolean)
		.map((word) => (word.length <= 3 && /^(id|ssn|us|mdl)$/i.test(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');
}

/** The chosen court's search fields, required ones first, labelled in words with the API key beside. */
export async function getDirectSearchFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const court = this.getCurrentNodeParameter('court');
	if (typeof court !== 'string' || !court) return [];
	const form = await courtSearchForm(this, court);
	const choices = (field: string) => (form.choices[field]?.length ? ` One of: ${form.choices[field].slice(0, 10).join(', ')}${form.choices[field].length > 10 ? ', …' : ''}` : '');
	return [
		...form.required
			.filter((field) => field !== 'court')
			.map((field) => ({ name: `${fieldLabel(field)} (required)`, value: field, description: `Required by this court (sent as ${field}).${choices(field)}` })),
		...form.optional
			.filter((field) => field !== 'court')
			.map((field) => ({ name: fieldLabel(field), value: field, description: `Optional (sent as ${field}).${choices(field)}` })),
	];
}
