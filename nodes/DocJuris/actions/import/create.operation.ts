import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { inputBinaryField } from '../../../shared/descriptions';
import { documentPasswordHeader, extendedDataParameter } from '../../helpers/utils';
import { uploadFile } from '../../transport';
import { documentPasswordField, extendedDataField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['import'], operation: ['create'] } },
	[
		inputBinaryField,
		extendedDataField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			// A protected file is opened with its password as on Contract and Turn → Create.
			options: [documentPasswordField],
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const extendedData = extendedDataParameter(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await uploadFile(
		this,
		'/imports',
		{ extendedData: extendedData ? JSON.stringify(extendedData) : undefined },
		itemIndex,
		{
			headers: documentPasswordHeader(options.documentPassword as string | undefined),
		},
	);
}
