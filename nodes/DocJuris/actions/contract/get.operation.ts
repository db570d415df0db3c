import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { contractIdParameter } from '../../helpers/utils';
import { docJurisRequest } from '../../transport';
import { contractLocator } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['contract'], operation: ['get'] } }, [contractLocator]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contractId = contractIdParameter(this, itemIndex);
	return await docJurisRequest<IDataObject>(this, 'GET', `/contracts/${contractId}`, {
		itemIndex,
		label: 'GET /contracts/{contractId}',
	});
}
