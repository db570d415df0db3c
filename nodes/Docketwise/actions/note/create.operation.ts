import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { noteBody, noteTarget } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['note'], operation: ['create'] } },
	noteTarget,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await apiRequest(this, 'POST', '/notes', { body: noteBody(this, itemIndex), itemIndex });
}
