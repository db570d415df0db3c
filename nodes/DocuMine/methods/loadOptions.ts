import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { LIST_KEYS, PATHS } from '../api';
import { apiList } from '../transport';

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await apiList(this, PATHS.users(), { recordsKey: LIST_KEYS.users });
	return users.map((user) => ({
		name:
			[user.firstName, user.lastName].filter(Boolean).join(' ') ||
			String(user.username ?? user.email ?? user.id),
		value: String(user.id),
		description: typeof user.email === 'string' ? user.email : undefined,
	}));
}
