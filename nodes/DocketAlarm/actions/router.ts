import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation, type OperationModules } from '../../shared/router';
import * as docket from './docket/Docket.resource';
import * as documentResource from './document/Document.resource';
import { operations } from './node.type';
import * as search from './search/Search.resource';
import * as subaccount from './subaccount/Subaccount.resource';
import * as tracker from './tracker/Tracker.resource';

// Docket Alarm's own bulk client works with 15 parallel workers; its API takes that many at once.
const PARALLEL_CALLS = 15;

export const modules: OperationModules<typeof operations> = {
	docket,
	document: documentResource,
	search,
	subaccount,
	tracker,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, modules, { parallelItems: PARALLEL_CALLS });
}
