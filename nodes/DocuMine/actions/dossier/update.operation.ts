import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { DOSSIER_UPDATE_METHOD, PATHS } from '../../api';
import { apiRequest } from '../../transport';
import { dossierLocator, dossierPath, templateLocator } from '../common.descriptions';
import { dossierFieldsCollection, dossierRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['dossier'], operation: ['update'] } },
	[templateLocator, dossierLocator, dossierFieldsCollection('updateFields', 'Update Fields', true)],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	const changes = dossierRecord(this, itemIndex, 'updateFields');
	if (!Object.keys(changes).length)
		throw new NodeOperationError(this.getNode(), `Nothing to update [item ${itemIndex}]`, {
			itemIndex,
		});
	// Send the whole dossier back with the changes, whichever update style DocuMine uses.
	const current = await apiRequest<IDataObject>(this, 'GET', PATHS.dossier(templateId, dossierId), {
		itemIndex,
	});
	return await apiRequest(this, DOSSIER_UPDATE_METHOD, PATHS.dossier(templateId, dossierId), {
		body: { ...current, ...changes },
		itemIndex,
	});
}
