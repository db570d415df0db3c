import type { INodeProperties } from 'n8n-workflow';

/** A Docketwise record picked from a list or by its ID (records with no page of their own in the app). */
export function listOrIdLocator(
	name: string,
	displayName: string,
	searchListMethod: string,
	hint: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${displayName.toLowerCase()}, from the list or by its Docketwise ID (a whole number such as 8116)`,
		hint,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '8116',
				// Empty passes: an optional locator left empty means "none" (n8n's required check covers
				// the required ones), where `^\d+$` made n8n refuse to run the workflow.
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d*$', errorMessage: 'A Docketwise ID is a whole number' },
					},
				],
			},
		],
	};
}

/** A Docketwise record picked from a list, by its ID, or by its link in the Docketwise app. */
export function recordLocator(
	name: string,
	displayName: string,
	appPath: 'contacts' | 'matters' | 'invoices',
	searchListMethod: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	// The list cannot say why it is empty; the hint does.
	const base = listOrIdLocator(
		name,
		displayName,
		searchListMethod,
		`An empty list means the firm has no ${appPath} yet, or the connection’s user cannot see them; type to search`,
	);
	return {
		...base,
		modes: [
			...base.modes!,
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://app.docketwise.com/${appPath}/8116`,
				extractValue: { type: 'regex', regex: `/${appPath}/(\\d+)` },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^$|.*/${appPath}/\\d+.*`,
							errorMessage: `Not a Docketwise ${appPath.slice(0, -1)} link`,
						},
					},
				],
			},
		],
		...extra,
	};
}

export const documentLocator = listOrIdLocator(
	'documentId',
	'Document',
	'searchDocuments',
	'Type part of a title to search the firm’s documents',
);

export const contactLocator = recordLocator('contactId', 'Contact', 'contacts', 'searchContacts');
export const matterLocator = recordLocator('matterId', 'Matter', 'matters', 'searchMatters');
export const invoiceLocator = recordLocator('invoiceId', 'Invoice', 'invoices', 'searchInvoices');

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export const addressesField: INodeProperties = {
	displayName: 'Addresses',
	name: 'addresses',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Address',
	options: [
		{
			name: 'address',
			displayName: 'Address',
			values: [
				{
					displayName: 'Address ID',
					name: 'id',
					type: 'number',
					default: 0,
					description: 'On update, the ID of the address to change; 0 adds a new one',
				},
				{ displayName: 'Apartment Number', name: 'apartment_number', type: 'string', default: '' },
				{ displayName: 'City', name: 'city', type: 'string', default: '' },
				{
					displayName: 'Mailing Address',
					name: 'mailing',
					type: 'boolean',
					default: false,
					description: 'Whether this is the mailing address',
				},
				{
					displayName: 'Physical Address',
					name: 'physical',
					type: 'boolean',
					default: true,
					description: 'Whether this is the physical address',
				},
				{ displayName: 'Province', name: 'province', type: 'string', default: '' },
				{ displayName: 'State', name: 'state', type: 'string', default: '' },
				{
					displayName: 'Street Number and Name',
					name: 'street_number_and_name',
					type: 'string',
					default: '',
				},
				{ displayName: 'ZIP Code', name: 'zip_code', type: 'string', default: '' },
			],
		},
	],
};

export const phoneNumbersField: INodeProperties = {
	displayName: 'Phone Numbers',
	name: 'phoneNumbers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Phone Number',
	options: [
		{
			name: 'phone',
			displayName: 'Phone Number',
			values: [
				{
					displayName: 'Daytime',
					name: 'daytime',
					type: 'boolean',
					default: true,
					description: 'Whether the number is reachable in the daytime',
				},
				{ displayName: 'Number', name: 'number', type: 'string', default: '' },
				{
					displayName: 'Phone Number ID',
					name: 'id',
					type: 'number',
					default: 0,
					description: 'On update, the ID of the number to change; 0 adds a new one',
				},
			],
		},
	],
};
