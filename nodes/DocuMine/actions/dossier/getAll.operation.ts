import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { applyLimit } from '../../../shared/parameters';
import { requireText } from '../../../shared/validators';
import { LIST_KEYS, PATHS } from '../../api';
import { apiList } from '../../transport';
import { templateLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['dossier'], operation: ['getAll'] } },
	[
		templateLocator,
		...returnAllOrLimit(),
		{
			displayName: 'Include Archived',
			name: 'includeArchived',
			type: 'boolean',
			default: false,
			description: 'Whether to include archived dossiers',
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const templateId = requireText(
		this,
		this.getNodeParameter('templateId', itemIndex, '', { extractValue: true }),
		'Dossier Template',
		itemIndex,
	);
	const qs = this.getNodeParameter('includeArchived', itemIndex, false)
		? { includeArchived: true }
		: undefined;
	return applyLimit(
		this,
		itemIndex,
		await apiList(this, PATHS.dossiers(templateId), {
			recordsKey: LIST_KEYS.dossiers,
			qs,
			itemIndex,
		}),
	);
}
