import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { definedFields } from '../../../shared/parameters';

/** Dossier fields; on update the name is one of them. */
export function dossierFieldsCollection(
	name: string,
	displayName: string,
	withName = false,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
			{
				displayName: 'Member Names or IDs',
				name: 'memberIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			...(withName
				? [{ displayName: 'Name', name: 'name', type: 'string' as const, default: '' }]
				: []),
			{
				displayName: 'Owner Name or ID',
				name: 'ownerId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
		],
	};
}

export function dossierRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: string,
): IDataObject {
	const record = definedFields(ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject);
	if (Array.isArray(record.memberIds) && !record.memberIds.length) delete record.memberIds;
	return record;
}
