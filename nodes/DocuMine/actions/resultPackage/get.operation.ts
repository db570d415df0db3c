import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { PATHS } from '../../api';
import { apiRequest } from '../../transport';
import { packageId, packageIdField } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['resultPackage'], operation: ['get'] } },
	[packageIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await apiRequest(this, 'GET', PATHS.download(packageId(this, itemIndex)), { itemIndex });
}
