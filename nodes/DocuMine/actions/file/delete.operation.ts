import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { PATHS } from '../../api';
import { apiRequest } from '../../transport';
import {
	dossierLocator,
	dossierPath,
	fileIdField,
	fileIdParameter,
	templateLocator,
} from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['delete'] } },
	[templateLocator, dossierLocator, fileIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	const fileId = fileIdParameter(this, itemIndex);
	await apiRequest(this, 'DELETE', PATHS.file(templateId, dossierId, fileId), { itemIndex });
	return { id: fileId, deleted: true };
}
