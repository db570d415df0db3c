import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requireText } from '../../../shared/validators';
import { withToolDefault } from '../../../shared/toolOutput';
import { withIsoDates } from '../../helpers/dates';
import { docketSummary, SUMMARY_ENTRIES } from '../../helpers/summary';
import { clientMatterParameter } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { cachedField, clientMatterOption, courtLocator, docketField } from '../common.descriptions';

const properties: INodeProperties[] = [
	courtLocator,
	docketField,
	cachedField,
	...withToolDefault(
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'docket',
			options: [
				{
					name: 'Case Summary',
					value: 'summary',
					description: `The case's facts, its parties and the latest ${SUMMARY_ENTRIES} entries with their links, texts cut short (the default for an AI agent)`,
				},
				{
					name: 'One Item per Docket Entry',
					value: 'entries',
					description: 'Each entry with the case’s court, docket and title',
				},
				{
					name: 'One Item per Party',
					value: 'parties',
					description: 'Each party with its counsel',
				},
				{
					name: 'Whole Docket',
					value: 'docket',
					description: 'One item with info, docket entries and parties',
				},
			],
		},
		'summary',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Documents by Entry',
				name: 'addDocumentsByEntries',
				type: 'boolean',
				default: false,
				description:
					'Whether each docket entry should list every document filed with it (exhibits included)',
			},
			{
				displayName: 'Check Whether PACER Court',
				name: 'checkIsPacer',
				type: 'boolean',
				default: false,
				description: 'Whether to add a flag saying if the court is a PACER (federal) court',
			},
			clientMatterOption,
			{
				displayName: 'Normalize Party Names',
				name: 'normalize',
				type: 'boolean',
				default: false,
				description: 'Whether Docket Alarm should normalise party names',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['docket'], operation: ['get'] } },
	properties,
);

interface Docket extends IDataObject {
	info?: IDataObject;
	docket_report?: IDataObject[];
	parties?: IDataObject[];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const court = requireText(
		this,
		this.getNodeParameter('court', itemIndex, '', { extractValue: true }),
		'Court',
		itemIndex,
	);
	const docket = requireText(this, this.getNodeParameter('docket', itemIndex), 'Docket', itemIndex);
	const cached = this.getNodeParameter('cached', itemIndex, true) as boolean;
	const output = this.getNodeParameter('output', itemIndex, 'docket') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields: IDataObject = { court, docket };
	if (cached) fields.cached = 'true';
	if (options.normalize) fields.normalize = 'true';
	if (options.checkIsPacer) fields.check_is_pacer = 'true';
	if (options.addDocumentsByEntries) fields.add_documents_by_entries = 'true';
	const response = await apiRequest<Docket>(this, 'GET', 'getdocket/', {
		fields,
		clientMatter: clientMatterParameter(this, itemIndex, 'options') ?? '',
		itemIndex,
	});
	const record = withIsoDates(response);
	delete record.success;
	const info = (record.info ?? {}) as IDataObject;
	if (output === 'summary') return [docketSummary(court, docket, record)];
	const caseFields = { court, docket, title: info.title };
	if (output === 'entries')
		return (record.docket_report ?? []).map((entry) => ({ ...caseFields, ...entry }));
	if (output === 'parties')
		return (record.parties ?? []).map((party) => ({ ...caseFields, ...party }));
	return [{ court, docket, ...record }];
}
