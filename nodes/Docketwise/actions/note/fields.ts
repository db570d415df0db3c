import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requirePositiveInteger } from '../../../shared/validators';
import { listOrIdLocator } from '../common.descriptions';

export const noteTarget: INodeProperties[] = [
	{
		displayName: 'Attach To',
		name: 'attachTo',
		type: 'options',
		default: 'matter',
		options: [
			{ name: 'Matter', value: 'matter' },
			{ name: 'Contact', value: 'contact' },
		],
		description: 'Docketwise needs a matter or a contact for every note',
	},
	{
		displayName: 'Matter ID',
		name: 'matterId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { attachTo: ['matter'] } },
	},
	{
		displayName: 'Contact ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { attachTo: ['contact'] } },
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
	},
];

// Docketwise has no list of notes: the Note list reads them from the matter or contact chosen in
// Attach To (its show carries them).
export const noteLocator = listOrIdLocator(
	'noteId',
	'Note',
	'searchNotes',
	'From List shows the notes of the matter or contact chosen in Attach To (a matter or contact ID, not an expression)',
);

/** For a delete, where the note is attached only tells the Note list where to look. */
export const notesOf: INodeProperties[] = noteTarget
	.slice(0, 3)
	.map((field) =>
		field.name === 'attachTo'
			? { ...field, description: 'Whose notes the Note list shows; nothing about it is sent' }
			: { ...field, required: false },
	);

/** A note body: Notes take their fields at the top level (no root key), IDs as strings per the docs. */
export function noteBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const attachTo = ctx.getNodeParameter('attachTo', itemIndex, 'matter') as string;
	const body: IDataObject =
		attachTo === 'contact'
			? {
					client_id: String(
						requirePositiveInteger(
							ctx,
							ctx.getNodeParameter('clientId', itemIndex),
							'Contact ID',
							itemIndex,
						),
					),
				}
			: {
					matter_id: String(
						requirePositiveInteger(
							ctx,
							ctx.getNodeParameter('matterId', itemIndex),
							'Matter ID',
							itemIndex,
						),
					),
				};
	const title = String(ctx.getNodeParameter('title', itemIndex, ''));
	const content = String(ctx.getNodeParameter('content', itemIndex, ''));
	if (!title.trim() && !content.trim()) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The note has neither a title nor content [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	if (title) body.title = title;
	if (content) body.content = content;
	return body;
}
