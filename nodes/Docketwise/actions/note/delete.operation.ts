import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { noteLocator, notesOf } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['note'], operation: ['delete'] } },
	[...notesOf, noteLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'noteId', 'Note ID', itemIndex);
	await apiRequest(this, 'DELETE', `/notes/${id}`, { itemIndex });
	return { id, deleted: true };
}
