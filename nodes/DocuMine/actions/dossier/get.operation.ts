import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { PATHS } from '../../api';
import { apiRequest } from '../../transport';
import { dossierLocator, dossierPath, templateLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['dossier'], operation: ['get'] } },
	[templateLocator, dossierLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	return await apiRequest(this, 'GET', PATHS.dossier(templateId, dossierId), { itemIndex });
}
