import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { definedFields } from '../../../shared/parameters';
import { requireEmail } from '../../../shared/validators';
import { nestedRows } from '../../helpers/utils';
import { addressesField, phoneNumbersField } from '../common.descriptions';

/** The contact fields users can set on create and update. */
export function contactFieldsCollection(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Company Name', name: 'company_name', type: 'string', default: '' },
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
			{
				displayName: 'Lead',
				name: 'lead',
				type: 'boolean',
				default: false,
				description: 'Whether the contact is a prospective client',
			},
			{ displayName: 'Middle Name', name: 'middle_name', type: 'string', default: '' },
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'Person',
				options: [
					{ name: 'Person', value: 'Person' },
					{ name: 'Institution', value: 'Institution' },
				],
			},
		],
	};
}

export const contactExtras: INodeProperties[] = [addressesField, phoneNumbersField];

/** The `contact` record for a create or update body. */
export function contactRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: string,
): IDataObject {
	const record = definedFields(ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject);
	if (record.email) record.email = requireEmail(ctx, String(record.email), 'Email', itemIndex);
	const addresses = nestedRows(
		(ctx.getNodeParameter('addresses', itemIndex, {}) as { address?: IDataObject[] }).address,
	);
	const phones = nestedRows(
		(ctx.getNodeParameter('phoneNumbers', itemIndex, {}) as { phone?: IDataObject[] }).phone,
	);
	if (addresses) record.addresses_attributes = addresses;
	if (phones) record.phone_numbers_attributes = phones;
	return record;
}
