import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationSubtitle, withOperationOptions } from '../shared/descriptions';
import * as charge from './actions/charge/Charge.resource';
import * as contact from './actions/contact/Contact.resource';
import * as documentResource from './actions/document/Document.resource';
import * as invoice from './actions/invoice/Invoice.resource';
import * as matter from './actions/matter/Matter.resource';
import * as note from './actions/note/Note.resource';
import * as reference from './actions/reference/Reference.resource';
import { operations } from './actions/node.type';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

const properties: INodeProperties[] = withOperationOptions(
	[
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: 'contact',
			options: [
				{ name: 'Charge', value: 'charge' },
				{ name: 'Contact', value: 'contact' },
				{ name: 'Country', value: 'country' },
				{ name: 'Document', value: 'document' },
				{ name: 'Invoice', value: 'invoice' },
				{ name: 'Matter', value: 'matter' },
				{ name: 'Matter Status', value: 'matterStatus' },
				{ name: 'Matter Type', value: 'matterType' },
				{ name: 'Note', value: 'note' },
				{ name: 'User', value: 'user' },
			],
		},
		...contact.description,
		...matter.description,
		...documentResource.description,
		...invoice.description,
		...charge.description,
		...note.description,
		...reference.description,
	],
	'Docketwise',
	operations,
);

export class Docketwise implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Docketwise',
		name: 'docketwise',
		icon: { light: 'file:docketwise.svg', dark: 'file:docketwise.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Manage contacts, matters, documents, invoices and notes in Docketwise',
		defaults: { name: 'Docketwise' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'docketwiseOAuth2Api', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
