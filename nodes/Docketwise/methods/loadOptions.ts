import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiList } from '../transport';

/** Firm users, named by their attorney profile or, failing that, their email. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await apiList(this, '/users');
	return users.map((user) => {
		const profile = (user.attorney_profile ?? {}) as IDataObject;
		const name = [profile.first_name, profile.last_name].filter(Boolean).join(' ');
		return {
			name: name || String(user.email ?? user.id),
			value: Number(user.id),
			description: typeof user.email === 'string' ? user.email : undefined,
		};
	});
}
