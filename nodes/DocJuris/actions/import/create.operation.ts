import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { inputBinaryField } from '../../../shared/descriptions';
import { extendedDataParameter } from '../../helpers/utils';
import { docJurisUpload } from '../../transport';
import { extendedDataField } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['import'], operation: ['create'] } }, [
	inputBinaryField,
	extendedDataField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const extendedData = extendedDataParameter(this, itemIndex);
	return await docJurisUpload(this, '/imports', { extendedData: extendedData ? JSON.stringify(extendedData) : undefined }, itemIndex);
}
