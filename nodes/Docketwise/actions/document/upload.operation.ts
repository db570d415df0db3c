import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { binaryUploadFile, jsonBodyWithBase64File } from '../../../shared/binary';
import { inputBinaryField } from '../../../shared/descriptions';
import { definedFields } from '../../../shared/parameters';
import { requirePositiveInteger } from '../../../shared/validators';
import { apiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['upload'] } },
	[
		inputBinaryField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Client ID',
					name: 'client_id',
					type: 'number',
					default: 0,
					description: 'The contact the document belongs to',
				},
				{ displayName: 'Description', name: 'description', type: 'string', default: '' },
				{
					displayName: 'File Name',
					name: 'filename',
					type: 'string',
					default: '',
					description: 'With its extension. Defaults to the binary file’s name.',
				},
				{ displayName: 'Matter ID', name: 'matter_id', type: 'number', default: 0 },
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Defaults to the file name',
				},
			],
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const additional = definedFields(
		this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
	);
	for (const key of ['client_id', 'matter_id']) {
		if (additional[key] === 0) delete additional[key];
		else if (additional[key] !== undefined)
			additional[key] = requirePositiveInteger(
				this,
				additional[key],
				key === 'client_id' ? 'Client ID' : 'Matter ID',
				itemIndex,
			);
	}
	const file = await binaryUploadFile(this, itemIndex, binaryPropertyName);
	const fields: IDataObject = { title: file.fileName, filename: file.fileName, ...additional };
	// Docketwise takes the file as base64 inside JSON; it is encoded while being sent, never held whole.
	return await apiRequest(this, 'POST', '/documents', {
		body: () => jsonBodyWithBase64File('document', fields, 'base64_data', file),
		itemIndex,
	});
}
