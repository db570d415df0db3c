import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiList } from '../transport';

function toOptions(records: IDataObject[]): INodePropertyOptions[] {
	return records.map((record) => ({
		name: String(record.name ?? record.title ?? record.id),
		value: Number(record.id),
		description:
			typeof record.description === 'string' && record.description ? record.description : undefined,
	}));
}

export async function getContractTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return toOptions(
		await apiList(this, '/contractTypes', { recordsKey: 'contractTypes', qs: { sortBy: 'name' } }),
	);
}

export async function getPlaybooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(
		await apiList(this, '/playbooks', { recordsKey: 'playbooks', qs: { sortBy: 'name' } }),
	);
}
