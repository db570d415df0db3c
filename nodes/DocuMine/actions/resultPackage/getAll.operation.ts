import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { applyLimit } from '../../../shared/parameters';
import { LIST_KEYS, PATHS } from '../../api';
import { apiList } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['resultPackage'], operation: ['getAll'] } },
	returnAllOrLimit(),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return applyLimit(
		this,
		itemIndex,
		await apiList(this, PATHS.downloads(), { recordsKey: LIST_KEYS.downloads, itemIndex }),
	);
}
