import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { applyLimit } from '../../../shared/parameters';
import { LIST_KEYS, PATHS } from '../../api';
import { apiList } from '../../transport';
import { dossierLocator, dossierPath, templateLocator } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getAll'] } },
	[templateLocator, dossierLocator, ...returnAllOrLimit()],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	return applyLimit(
		this,
		itemIndex,
		await apiList(this, PATHS.files(templateId, dossierId), {
			recordsKey: LIST_KEYS.files,
			itemIndex,
		}),
	);
}
