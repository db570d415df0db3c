import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requirePositiveInteger } from '../../../shared/items';
import { docketwiseRequest } from '../../transport';
import { noteIdField } from './update.operation';

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['delete'] } }, [noteIdField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requirePositiveInteger(this, this.getNodeParameter('noteId', itemIndex), 'Note ID', itemIndex);
	await docketwiseRequest(this, 'DELETE', `/notes/${id}`, { itemIndex });
	return { id, deleted: true };
}
