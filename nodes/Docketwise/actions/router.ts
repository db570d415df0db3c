import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation, type OperationModules } from '../../shared/router';
import * as charge from './charge/Charge.resource';
import * as contact from './contact/Contact.resource';
import * as documentResource from './document/Document.resource';
import * as invoice from './invoice/Invoice.resource';
import * as matter from './matter/Matter.resource';
import { operations } from './node.type';
import * as note from './note/Note.resource';
import * as reference from './reference/Reference.resource';

export const modules: OperationModules<typeof operations> = {
	charge,
	contact,
	country: reference,
	document: documentResource,
	invoice,
	matter,
	matterStatus: reference,
	matterType: reference,
	note,
	user: reference,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, modules);
}
