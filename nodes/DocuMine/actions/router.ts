import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation, type OperationModules } from '../../shared/router';
import * as license from './account/License.resource';
import * as user from './account/User.resource';
import * as component from './component/Component.resource';
import * as dossier from './dossier/Dossier.resource';
import * as dossierTemplate from './dossierTemplate/DossierTemplate.resource';
import * as file from './file/File.resource';
import { operations } from './node.type';
import * as resultPackage from './resultPackage/ResultPackage.resource';

export const modules: OperationModules<typeof operations> = {
	component,
	dossier,
	dossierTemplate,
	file,
	license,
	resultPackage,
	user,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, modules);
}
