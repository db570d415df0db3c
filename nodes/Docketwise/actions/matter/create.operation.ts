import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { withoutOptions } from '../../../shared/descriptions';
import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';
import { matterFieldsCollection, matterRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['matter'], operation: ['create'] } },
	[
		recordLocator('clientId', 'Client', 'contacts', 'searchContacts', {
			description: 'The contact the matter is for',
		}),
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			placeholder: 'Ruiz – I-130',
		},
		withoutOptions(matterFieldsCollection('additionalFields', 'Additional Fields'), ['title']),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const matter: IDataObject = {
		client_id: recordId(this, 'clientId', 'Client ID', itemIndex),
		...matterRecord(this, itemIndex, 'additionalFields'),
	};
	const title = String(this.getNodeParameter('title', itemIndex, '')).trim();
	if (title) matter.title = title;
	return await apiRequest(this, 'POST', '/matters', { body: { matter }, itemIndex });
}
