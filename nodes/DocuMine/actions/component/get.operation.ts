import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { downloadedBinary } from '../../../shared/binary';
import { outputBinaryField } from '../../../shared/descriptions';
import { fileFacts, withToolDefault } from '../../../shared/toolOutput';
import { PATHS } from '../../api';
import { flattenComponents } from '../../helpers';
import { apiRequest, apiResponse } from '../../transport';
import {
	dossierLocator,
	dossierPath,
	fileIdField,
	fileIdParameter,
	templateLocator,
} from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['component'], operation: ['get'] } },
	[
		templateLocator,
		dossierLocator,
		fileIdField,
		{
			displayName: 'Format',
			name: 'format',
			type: 'options',
			default: 'json',
			options: [
				{ name: 'JSON', value: 'json', description: 'The components as item data' },
				{ name: 'XML', value: 'xml', description: 'DocuMine’s XML export as a binary file' },
			],
		},
		...withToolDefault(
			{
				displayName: 'Flatten to Name → Value',
				name: 'flatten',
				type: 'boolean',
				default: false,
				displayOptions: { show: { format: ['json'] } },
				description:
					'Whether to output one field per component (its value, or a list of values) instead of DocuMine’s structure (on by default when an AI agent uses the node, to keep its answers short)',
			},
			true,
		),
		{ ...outputBinaryField, displayOptions: { show: { format: ['xml'] } } },
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	const fileId = fileIdParameter(this, itemIndex);
	const path = PATHS.components(templateId, dossierId, fileId);
	if (this.getNodeParameter('format', itemIndex, 'json') === 'xml') {
		const response = await apiResponse<AsyncIterable<Buffer>>(this, 'GET', path, {
			itemIndex,
			stream: true,
			headers: { Accept: 'application/xml' },
		});
		const { binary } = await downloadedBinary(this, response, {
			fileName: `components-${fileId}.xml`,
			fallbackName: `components-${fileId}.xml`,
			mimeType: 'application/xml',
		});
		return [
			{
				json: { fileId, format: 'xml', ...fileFacts(binary) },
				binary: { [this.getNodeParameter('binaryPropertyName', itemIndex) as string]: binary },
			},
		];
	}
	const body = await apiRequest<IDataObject>(this, 'GET', path, { itemIndex });
	const json = this.getNodeParameter('flatten', itemIndex, false)
		? { fileId, ...flattenComponents(body) }
		: { fileId, ...(Array.isArray(body) ? { components: body } : body) };
	return [{ json }];
}
