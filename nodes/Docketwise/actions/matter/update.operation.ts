import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

import { recordId } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { matterLocator, recordLocator } from '../common.descriptions';
import { matterFieldsCollection, matterRecord } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['matter'], operation: ['update'] } },
	[
		matterLocator,
		recordLocator('clientId', 'Client', 'contacts', 'searchContacts', {
			required: false,
			description:
				'Docketwise requires the client on every update. Leave empty to keep the matter’s current client.',
		}),
		matterFieldsCollection('updateFields', 'Update Fields'),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, 'matterId', 'Matter ID', itemIndex);
	const matter = matterRecord(this, itemIndex, 'updateFields');
	const client = this.getNodeParameter('clientId', itemIndex, {
		value: '',
	}) as INodeParameterResourceLocator;
	if (client?.value !== '' && client?.value !== undefined) {
		matter.client_id = recordId(this, 'clientId', 'Client ID', itemIndex);
	} else {
		// Docketwise rejects an update without client_id: keep the current one.
		const current = await apiRequest<IDataObject>(this, 'GET', `/matters/${id}`, { itemIndex });
		matter.client_id = current.client_id;
	}
	return await apiRequest(this, 'PUT', `/matters/${id}`, { body: { matter }, itemIndex });
}
