import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requireText } from '../../../shared/validators';
import { PATHS } from '../../api';
import { apiRequest } from '../../transport';
import { templateLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['dossierTemplate'], operation: ['get'] } },
	[templateLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireText(
		this,
		this.getNodeParameter('templateId', itemIndex, '', { extractValue: true }),
		'Dossier Template',
		itemIndex,
	);
	return await apiRequest(this, 'GET', PATHS.dossierTemplate(id), { itemIndex });
}
