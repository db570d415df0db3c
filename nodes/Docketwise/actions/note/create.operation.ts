import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { docketwiseRequest } from '../../transport';
import { noteBody, noteTarget } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['create'] } }, noteTarget);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await docketwiseRequest(this, 'POST', '/notes', { body: noteBody(this, itemIndex), itemIndex });
}
