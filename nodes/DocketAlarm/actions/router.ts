import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation, type OperationModules } from '../../shared/router';
import { DOCKET_ALARM_PARALLEL_REQUESTS } from '../transport';
import * as docket from './docket/Docket.resource';
import * as documentResource from './document/Document.resource';
import { operations } from './node.type';
import * as search from './search/Search.resource';
import * as subaccount from './subaccount/Subaccount.resource';
import * as tracker from './tracker/Tracker.resource';

export const modules: OperationModules<typeof operations> = {
	docket,
	document: documentResource,
	search,
	subaccount,
	tracker,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, modules, {
		parallelItems: DOCKET_ALARM_PARALLEL_REQUESTS,
	});
}
