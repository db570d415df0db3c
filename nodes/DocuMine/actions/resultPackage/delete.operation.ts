import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { PATHS } from '../../api';
import { apiRequest } from '../../transport';
import { packageId, packageIdField } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['resultPackage'], operation: ['delete'] } },
	[packageIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = packageId(this, itemIndex);
	await apiRequest(this, 'DELETE', PATHS.download(id), { itemIndex });
	return { id, deleted: true };
}
