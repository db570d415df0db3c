import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { withoutOptions } from '../../../shared/descriptions';
import { definedFields } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactExtras, contactFieldsCollection, contactRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['create'] } },
	[
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'For a person; leave empty for a company',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			description: 'For a person; leave empty for a company',
		},
		{
			displayName: 'Company Name',
			name: 'companyName',
			type: 'string',
			default: '',
			description:
				'For a company (set Type to Institution under Additional Fields); optional for a person',
		},
		withoutOptions(contactFieldsCollection('additionalFields', 'Additional Fields'), [
			'first_name',
			'last_name',
			'company_name',
		]),
		...contactExtras,
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Docketwise marks every name optional; a contact still needs one to be found again.
	const names = definedFields({
		first_name: String(this.getNodeParameter('firstName', itemIndex, '')).trim(),
		last_name: String(this.getNodeParameter('lastName', itemIndex, '')).trim(),
		company_name: String(this.getNodeParameter('companyName', itemIndex, '')).trim(),
	});
	if (Object.keys(names).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`A contact needs a First Name, a Last Name or a Company Name [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'Fill in the names of a person, or the Company Name of an institution.',
			},
		);
	}
	const contact = { ...names, ...contactRecord(this, itemIndex, 'additionalFields') };
	return await apiRequest(this, 'POST', '/contacts', { body: { contact }, itemIndex });
}
