import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../shared/items';
import * as contract from './contract/Contract.resource';
import * as contractType from './contractType/ContractType.resource';
import * as importResource from './import/Import.resource';
import * as playbook from './playbook/Playbook.resource';
import * as subscription from './subscription/Subscription.resource';
import * as turn from './turn/Turn.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, { contract, contractType, import: importResource, playbook, subscription, turn });
}
