import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation, type OperationModules } from '../../shared/router';
import * as contract from './contract/Contract.resource';
import * as contractType from './contractType/ContractType.resource';
import * as importResource from './import/Import.resource';
import { operations } from './node.type';
import * as playbook from './playbook/Playbook.resource';
import * as subscription from './subscription/Subscription.resource';
import * as turn from './turn/Turn.resource';

export const modules: OperationModules<typeof operations> = {
	contract,
	contractType,
	import: importResource,
	playbook,
	subscription,
	turn,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, modules);
}
