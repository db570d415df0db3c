import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requireEmail, requireText } from '../../../shared/validators';
import { failValidation } from '../../helpers/validation';
import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Sub-Account Email',
		name: 'username',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description:
			'The sub-account’s login. It must be on the same email domain as your (master) account.',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description:
			'For a new sub-account, its password. For an existing one, its current password (it cannot be changed here).',
	},
	{
		displayName: 'Linked',
		name: 'enable',
		type: 'boolean',
		default: true,
		description:
			'Whether the sub-account is linked to your account. Unlinking stops its trackers at their next run.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Address', name: 'address', type: 'string', default: '' },
			{ displayName: 'City', name: 'city', type: 'string', default: '' },
			{
				displayName: 'Full Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Required when creating a sub-account',
			},
			{ displayName: 'Organization', name: 'organization', type: 'string', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			{
				displayName: 'Push URL',
				name: 'api_push_url',
				type: 'string',
				default: '',
				placeholder: 'https://user:secret@n8n.example.com/webhook/…',
				description:
					'Where Docket Alarm posts this sub-account’s notifications. Use the URL of a Docket Alarm Trigger.',
			},
			{ displayName: 'State', name: 'state', type: 'string', default: '' },
			{ displayName: 'ZIP Code', name: 'zip', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subaccount'], operation: ['upsert'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const username = requireEmail(
		this,
		String(this.getNodeParameter('username', itemIndex)),
		'Sub-Account Email',
		itemIndex,
	);
	const password = requireText(
		this,
		this.getNodeParameter('password', itemIndex),
		'Password',
		itemIndex,
	);
	const master = String((await this.getCredentials('docketAlarmApi')).username ?? '');
	const domain = (email: string) => email.split('@').pop()!.toLowerCase();
	if (master.includes('@') && domain(master) !== domain(username)) {
		failValidation(
			this,
			`Sub-Account Email must be on ${domain(master)}, the domain of your Docket Alarm account`,
			itemIndex,
		);
	}
	const enable = this.getNodeParameter('enable', itemIndex, true) as boolean;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const pushUrl = String(additional.api_push_url ?? '');
	if (pushUrl && !/^https?:\/\//i.test(pushUrl))
		failValidation(this, 'Push URL must be an http(s) URL', itemIndex);
	const fields: IDataObject = {
		username,
		password,
		password_repeat: password,
		enable: String(enable),
	};
	for (const [key, value] of Object.entries(additional))
		if (value !== '' && value !== undefined) fields[key] = value;
	await apiRequest(this, 'POST', 'subaccount/', { fields, itemIndex, idempotent: true });
	// The push URL may embed Basic credentials: say whether it was set, never echo it.
	const details = { ...additional };
	delete details.api_push_url;
	return { username, enabled: enable, ...details, pushUrlSet: !!pushUrl };
}
