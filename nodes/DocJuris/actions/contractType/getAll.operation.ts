import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { catalogueListProperties, getCatalogue } from '../common.list';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractType'], operation: ['getAll'] } },
	catalogueListProperties('contract types'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getCatalogue(this, itemIndex, '/contractTypes', 'contractTypes');
}
