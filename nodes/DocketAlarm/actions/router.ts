import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { runForEachItem, type OperationHandler } from '../../shared/items';
import * as docket from './docket/Docket.resource';
import * as documentResource from './document/Document.resource';
import * as search from './search/Search.resource';
import * as subaccount from './subaccount/Subaccount.resource';
import * as tracker from './tracker/Tracker.resource';

const resources: Record<string, Record<string, unknown>> = {
	docket,
	document: documentResource,
	search,
	subaccount,
	tracker,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation] as { execute: OperationHandler } | undefined;
	if (!module || typeof module.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await runForEachItem(this, module.execute);
}
