import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requireText } from '../../../shared/validators';
import { PATHS } from '../../api';
import { apiRequest } from '../../transport';
import { templateLocator } from '../common.descriptions';
import { dossierFieldsCollection, dossierRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['dossier'], operation: ['create'] } },
	[
		templateLocator,
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		dossierFieldsCollection('additionalFields', 'Additional Fields'),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const templateId = requireText(
		this,
		this.getNodeParameter('templateId', itemIndex, '', { extractValue: true }),
		'Dossier Template',
		itemIndex,
	);
	const body = {
		name: requireText(this, this.getNodeParameter('name', itemIndex), 'Name', itemIndex),
		...dossierRecord(this, itemIndex, 'additionalFields'),
	};
	return await apiRequest(this, 'POST', PATHS.dossiers(templateId), { body, itemIndex });
}
