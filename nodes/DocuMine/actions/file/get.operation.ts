import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	dossierLocator,
	dossierPath,
	fileIdField,
	fileIdParameter,
	templateLocator,
} from '../common.descriptions';
import { readFile } from './upload.operation';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['get'] } },
	[templateLocator, dossierLocator, fileIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	return await readFile(this, templateId, dossierId, fileIdParameter(this, itemIndex), itemIndex);
}
