import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { docJurisPagedList } from '../../transport';
import { catalogueListProperties } from '../common.list';

export const description = updateDisplayOptions(
	{ show: { resource: ['contractType'], operation: ['getAll'] } },
	catalogueListProperties('contract types'),
);

/** Reads a catalogue list (contract types, playbooks) with the node's Return All, Limit and filters. */
export async function getCatalogue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	recordsKey: string,
): Promise<IDataObject[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.filter) qs.filter = filters.filter;
	if (filters.sortBy) qs.sortBy = filters.sortBy;
	return await docJurisPagedList(ctx, path, recordsKey, qs, limit, itemIndex);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getCatalogue(this, itemIndex, '/contractTypes', 'contractTypes');
}
