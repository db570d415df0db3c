import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { optionsCollection, outputBinaryField } from '../../../shared/descriptions';
import { clientMatterParameter } from '../../helpers/validation';
import { downloadDocument } from '../../transport';
import { clientMatterOption } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Document Link',
		name: 'link',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://www.docketalarm.com/cases/…/docs/107.pdf',
		description: 'The `link` of a docket entry or exhibit (absolute or relative to Docket Alarm)',
	},
	{
		displayName: 'Cached Only',
		name: 'cached',
		type: 'boolean',
		default: false,
		description:
			'Whether to download only a document Docket Alarm already holds (no court fee). Off fetches it from the court when needed, which may carry fees.',
	},
	outputBinaryField,
	optionsCollection([clientMatterOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const item = await downloadDocument(this, this.getNodeParameter('link', itemIndex) as string, {
		cached: this.getNodeParameter('cached', itemIndex, false) as boolean,
		clientMatter: clientMatterParameter(this, itemIndex, 'options'),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', itemIndex) as string,
		itemIndex,
	});
	return [item];
}
