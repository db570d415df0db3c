import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { definedFields } from '../../../shared/parameters';
import { requirePositiveInteger } from '../../../shared/validators';

/** Matter fields besides the client. */
export function matterFieldsCollection(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Assigned User Names or IDs',
				name: 'user_ids',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Matter Number',
				name: 'number',
				type: 'string',
				default: '',
				description: 'The firm’s own matter number',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	};
}

export function matterRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: string,
): IDataObject {
	const record = definedFields(ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject);
	if (Array.isArray(record.user_ids)) {
		if (!record.user_ids.length) delete record.user_ids;
		else
			record.user_ids = record.user_ids.map((id) =>
				requirePositiveInteger(ctx, id, 'Assigned User ID', itemIndex),
			);
	}
	return record;
}
