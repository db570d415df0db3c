import type { INodeProperties } from 'n8n-workflow';

export const clientMatterOption: INodeProperties = {
	displayName: 'Client Matter',
	name: 'clientMatter',
	type: 'string',
	default: '',
	description:
		'Billing code for this call (up to 50 characters). Empty uses the credential’s default client matter.',
};

/** A court: picked from Docket Alarm's lists, or typed exactly as Docket Alarm names it. */
export const courtLocator: INodeProperties = {
	displayName: 'Court',
	name: 'court',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The court exactly as Docket Alarm names it (as returned by a search or a push)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCourts', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'New York Southern District Court',
		},
	],
};

export const docketField: INodeProperties = {
	displayName: 'Docket',
	name: 'docket',
	type: 'string',
	default: '',
	required: true,
	placeholder: '1:11-cv-06909',
	description: 'The docket number exactly as Docket Alarm returns it',
};

export const cachedField: INodeProperties = {
	displayName: 'Use Cached Copy',
	name: 'cached',
	type: 'boolean',
	default: true,
	description:
		'Whether to return Docket Alarm’s stored copy (cheaper, may be a little behind). Turn off to fetch the newest docket from the court; fresh data may carry court fees.',
};
