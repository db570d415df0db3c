import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { noteBody, noteLocator, noteTarget } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['note'], operation: ['update'] } },
	[...noteTarget.slice(0, 3), noteLocator, ...noteTarget.slice(3)],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'noteId', 'Note ID', itemIndex);
	const result = await apiRequest<IDataObject>(this, 'PUT', `/notes/${id}`, {
		body: noteBody(this, itemIndex),
		itemIndex,
	});
	// Docketwise answers an update with only {"success": "..."}.
	return { id, updated: true, ...result };
}
