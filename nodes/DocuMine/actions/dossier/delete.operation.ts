import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { PATHS } from '../../api';
import { apiRequest } from '../../transport';
import { dossierLocator, dossierPath, templateLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['dossier'], operation: ['delete'] } },
	[templateLocator, dossierLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	await apiRequest(this, 'DELETE', PATHS.dossier(templateId, dossierId), { itemIndex });
	return { id: dossierId, deleted: true };
}
