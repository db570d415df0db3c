import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requirePositiveInteger } from '../../../shared/items';
import { docketwiseRequest } from '../../transport';
import { noteBody, noteTarget } from './fields';

export const noteIdField = { displayName: 'Note ID', name: 'noteId', type: 'string' as const, default: '', required: true };

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['update'] } }, [noteIdField, ...noteTarget]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requirePositiveInteger(this, this.getNodeParameter('noteId', itemIndex), 'Note ID', itemIndex);
	const result = await docketwiseRequest<IDataObject>(this, 'PUT', `/notes/${id}`, { body: noteBody(this, itemIndex), itemIndex });
	// Docketwise answers an update with only {"success": "..."}.
	return { id, updated: true, ...result };
}
