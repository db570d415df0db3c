import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/descriptions';
import { downloadPackage } from '../../transport';
import { packageId, packageIdField } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['resultPackage'], operation: ['download'] } },
	[packageIdField, outputBinaryField],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return [
		await downloadPackage(
			this,
			packageId(this, itemIndex),
			this.getNodeParameter('binaryPropertyName', itemIndex) as string,
			itemIndex,
		),
	];
}
