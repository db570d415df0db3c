import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../shared/items';
import * as license from './account/License.resource';
import * as user from './account/User.resource';
import * as component from './component/Component.resource';
import * as dossier from './dossier/Dossier.resource';
import * as dossierTemplate from './dossierTemplate/DossierTemplate.resource';
import * as file from './file/File.resource';
import * as resultPackage from './resultPackage/ResultPackage.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, { component, dossier, dossierTemplate, file, license, resultPackage, user });
}
