import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { courtSearchForm, directSearchCourts } from '../helpers/directSearch';

export async function getDirectSearchCourts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await directSearchCourts(this)).map((court) => ({ name: court, value: court }));
}

/** The chosen court's search fields, required ones first. */
export async function getDirectSearchFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const court = this.getCurrentNodeParameter('court');
	if (typeof court !== 'string' || !court) return [];
	const form = await courtSearchForm(this, court);
	const choices = (field: string) => (form.choices[field]?.length ? ` One of: ${form.choices[field].slice(0, 10).join(', ')}${form.choices[field].length > 10 ? ', …' : ''}` : '');
	return [
		...form.required.filter((field) => field !== 'court').map((field) => ({ name: `${field} (required)`, value: field, description: `Required by this court.${choices(field)}` })),
		...form.optional.filter((field) => field !== 'court').map((field) => ({ name: field, value: field, description: `Optional.${choices(field)}` })),
	];
}
