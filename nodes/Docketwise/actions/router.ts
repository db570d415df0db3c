import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../shared/items';
import * as charge from './charge/Charge.resource';
import * as contact from './contact/Contact.resource';
import * as documentResource from './document/Document.resource';
import * as invoice from './invoice/Invoice.resource';
import * as matter from './matter/Matter.resource';
import * as note from './note/Note.resource';
import * as reference from './reference/Reference.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, {
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
	});
}
