import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { runForEachItem, type OperationHandler } from '../../shared/items';
import * as contract from './contract/Contract.resource';
import * as contractType from './contractType/ContractType.resource';
import * as importResource from './import/Import.resource';
import * as playbook from './playbook/Playbook.resource';
import * as subscription from './subscription/Subscription.resource';
import * as turn from './turn/Turn.resource';

type OperationModule = { execute: OperationHandler };

const resources: Record<string, Record<string, unknown>> = {
	contract,
	contractType,
	import: importResource,
	playbook,
	subscription,
	turn,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation] as OperationModule | undefined;
	if (!module || typeof module.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await runForEachItem(this, module.execute);
}
