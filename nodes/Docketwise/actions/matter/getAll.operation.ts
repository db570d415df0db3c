import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { simplified } from '../../helpers/utils';
import { apiList } from '../../transport';
import { simplifyField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['matter'], operation: ['getAll'] } },
	[...returnAllOrLimit(), simplifyField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return simplified(
		this,
		itemIndex,
		'matter',
		await apiList(this, '/matters', { limit: limitParameter(this, itemIndex), itemIndex }),
	);
}
