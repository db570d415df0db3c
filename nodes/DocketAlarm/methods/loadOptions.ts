import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { courtSearchForm, directSearchCourts, fieldLabel } from '../helpers/directSearch';

export async function getDirectSearchCourts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await directSearchCourts(this)).map((court) => ({ name: court, value: court }));
}

/** The chosen court's search fields, required ones first, labelled in words with the API key beside. */
export async function getDirectSearchFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const court = this.getCurrentNodeParameter('court');
	if (typeof court !== 'string' || !court) return [];
	const form = await courtSearchForm(this, court);
	const choices = (field: string) =>
		form.choices[field]?.length
			? ` One of: ${form.choices[field].slice(0, 10).join(', ')}${form.choices[field].length > 10 ? ', …' : ''}`
			: '';
	return [
		...form.required
			.filter((field) => field !== 'court')
			.map((field) => ({
				name: `${fieldLabel(field)} (required)`,
				value: field,
				description: `Required by this court (sent as ${field}).${choices(field)}`,
			})),
		...form.optional
			.filter((field) => field !== 'court')
			.map((field) => ({
				name: fieldLabel(field),
				value: field,
				description: `Optional (sent as ${field}).${choices(field)}`,
			})),
	];
}
