import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { catalogueListProperties, getCatalogue } from '../common.list';

export const description = updateDisplayOptions(
	{ show: { resource: ['playbook'], operation: ['getAll'] } },
	catalogueListProperties('playbooks'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const playbooks = await getCatalogue(this, itemIndex, '/playbooks', 'playbooks');
	// The vendor's own connector shows `title` where its schema says `name`: offer `name` always.
	return playbooks.map((playbook) =>
		playbook.name === undefined && playbook.title !== undefined
			? { ...playbook, name: playbook.title }
			: playbook,
	);
}
