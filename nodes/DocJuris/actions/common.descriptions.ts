import type { INodeProperties } from 'n8n-workflow';

const GUID_PATTERN =
	'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const contractLocator: INodeProperties = {
	displayName: 'Contract',
	name: 'contractId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The contract, by its API ID (a GUID) or its API URL',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '4fd24682-dba7-4b8b-84de-6c0d47fde78c',
			validation: [
				{
					type: 'regex',
					properties: { regex: GUID_PATTERN, errorMessage: 'Not a DocJuris contract ID (a GUID)' },
				},
			],
		},
		{
			displayName: 'By API URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://api.docjuris.com/v1/contracts/4fd24682-dba7-4b8b-84de-6c0d47fde78c',
			extractValue: { type: 'regex', regex: '/contracts/([0-9a-fA-F-]{36})' },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '.*/contracts/[0-9a-fA-F-]{36}.*',
						errorMessage: 'Not a DocJuris contract API URL',
					},
				},
			],
		},
	],
};

/** Which turn of the contract: the latest (no ID hunting), or a specific one. */
export function turnSelection(purpose: 'get' | 'replace'): INodeProperties[] {
	return [
		{
			displayName: purpose === 'replace' ? 'Current Turn' : 'Turn',
			name: 'turnSelection',
			type: 'options',
			noDataExpression: true,
			default: 'latest',
			options: [
				{
					name: 'Latest Turn',
					value: 'latest',
					description:
						purpose === 'replace'
							? 'Read the contract and use its latest turn as the current turn'
							: 'Use the contract’s latest turn',
				},
				{ name: 'Specific Turn', value: 'specific', description: 'Choose a turn or give its ID' },
			],
			description:
				purpose === 'replace'
					? 'The turn this upload follows. DocJuris rejects the upload if it is not the contract’s latest turn, so a parallel upload is never overwritten.'
					: 'Which turn of the contract to use',
		},
		{
			displayName: 'Turn ID',
			name: 'turnId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			displayOptions: { show: { turnSelection: ['specific'] } },
			hint: 'The list shows the turns of the contract chosen above, once it is a contract ID or URL; for a contract given by an expression, give the turn By ID',
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchTurns', searchable: false },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: '43e36b4d-5711-49ff-a6d1-c252452fcf0f',
					validation: [
						{
							type: 'regex',
							properties: { regex: GUID_PATTERN, errorMessage: 'Not a DocJuris turn ID (a GUID)' },
						},
					],
				},
			],
		},
	];
}

export const extendedDataField: INodeProperties = {
	displayName: 'Extended Data',
	name: 'extendedData',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Value',
	description:
		'Reference data kept with the record and returned in webhooks, e.g. a CRM deal ID (text) or a link back to your system (URL, shown in DocJuris)',
	options: [
		{
			name: 'namedValues',
			displayName: 'Value',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description: 'Up to 500 characters',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'Up to 3000 characters',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'text',
					options: [
						{
							name: 'Text',
							value: 'text',
							description: 'Kept with the record, not shown in DocJuris',
						},
						{
							name: 'URL',
							value: 'url',
							description: 'Shown in the contract’s list of links in DocJuris',
						},
					],
				},
			],
		},
	],
};

export const documentPasswordField: INodeProperties = {
	displayName: 'Document Password',
	name: 'documentPassword',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'Password of a protected document. Sent base64-encoded in the documentPassword header, never logged.',
};

export const docStateField: INodeProperties = {
	displayName: 'Document State',
	name: 'docState',
	type: 'options',
	default: 'original',
	options: [
		{
			name: 'Completed Clean',
			value: 'completedClean',
			description: 'DocJuris edits applied, no markup. The turn must be completed.',
		},
		{
			name: 'Completed With Markup',
			value: 'completedWithMarkup',
			description: 'DocJuris edits shown as a redline. The turn must be completed.',
		},
		{ name: 'Imported', value: 'imported', description: 'The uploaded file exactly as received' },
		{
			name: 'Original',
			value: 'original',
			description: 'The uploaded file, converted to DOCX if needed',
		},
		{
			name: 'Screening Report',
			value: 'screeningReport',
			description: 'Excel summary of the playbook issues found',
		},
	],
};

export const EVENT_TYPES = [
	{
		name: 'Screening Report Updated',
		value: 'screeningReportUpdated',
		description: 'A turn’s playbook screening report changed',
	},
	{
		name: 'Turn Completed',
		value: 'turnCompleted',
		description: 'A user completed the review of a turn',
	},
	{ name: 'Turn Created', value: 'turnCreated', description: 'A turn was added to a contract' },
	{
		name: 'Turn Mention',
		value: 'turnMention',
		description: 'Someone mentioned a user in a comment on a turn',
	},
	{
		name: 'Turn Tagged',
		value: 'turnTagged',
		description: 'A tag (e.g. Execution Copy) was put on a turn',
	},
];
