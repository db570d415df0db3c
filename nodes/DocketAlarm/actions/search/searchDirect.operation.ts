import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requireText } from '../../../shared/validators';
import { withIsoDates } from '../../helpers/dates';
import { courtSearchForm } from '../../helpers/directSearch';
import { optionsCollection } from '../../../shared/descriptions';
import { clientMatterParameter, failValidation } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { clientMatterOption } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Court Name or ID',
		name: 'court',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDirectSearchCourts' },
		default: '',
		required: true,
		description:
			'State or agency court to search live. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Search Fields',
		name: 'searchFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Field',
		description: 'The fields this court accepts; its required ones must be given',
		options: [
			{
				name: 'field',
				displayName: 'Field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getDirectSearchFields',
							loadOptionsDependsOn: ['court'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	optionsCollection([clientMatterOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['search'], operation: ['searchDirect'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const court = requireText(this, this.getNodeParameter('court', itemIndex), 'Court', itemIndex);
	const rows =
		(
			this.getNodeParameter('searchFields', itemIndex, {}) as {
				field?: Array<{ name: string; value: string }>;
			}
		).field ?? [];
	const clientMatter = clientMatterParameter(this, itemIndex, 'options');
	const form = await courtSearchForm(this, court, itemIndex);
	const known = new Set([...form.required, ...form.optional]);
	const fields: IDataObject = { court };
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		if (!name || name === 'court') continue;
		if (known.size && !known.has(name)) {
			failValidation(
				this,
				`"${name}" is not a search field of ${court}`,
				itemIndex,
				`This court accepts: ${[...known].filter((field) => field !== 'court').join(', ')}.`,
			);
		}
		const value = String(row.value ?? '');
		const allowed = form.choices[name];
		if (allowed?.length && value && !allowed.includes(value)) {
			failValidation(
				this,
				`"${value}" is not an allowed value of ${name} for ${court}`,
				itemIndex,
				`Allowed: ${allowed.slice(0, 30).join(', ')}${allowed.length > 30 ? ', …' : ''}.`,
			);
		}
		if (value) fields[name] = value;
	}
	const missing = form.required.filter((name) => name !== 'court' && !fields[name]);
	if (missing.length)
		failValidation(
			this,
			`${court} needs ${missing.join(', ')}`,
			itemIndex,
			'Add the missing fields under "Search Fields".',
		);
	const response = await apiRequest<{ search_results?: IDataObject[] }>(
		this,
		'POST',
		'searchdirect/',
		{
			fields,
			clientMatter: clientMatter ?? '',
			itemIndex,
		},
	);
	return withIsoDates(response.search_results ?? []);
}
