import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationSubtitle, withOperationOptions } from '../shared/descriptions';
import * as license from './actions/account/License.resource';
import * as user from './actions/account/User.resource';
import * as component from './actions/component/Component.resource';
import * as dossier from './actions/dossier/Dossier.resource';
import * as dossierTemplate from './actions/dossierTemplate/DossierTemplate.resource';
import * as file from './actions/file/File.resource';
import * as resultPackage from './actions/resultPackage/ResultPackage.resource';
import { operations } from './actions/node.type';
import { router } from './actions/router';
import { authenticationParameter } from './authentication';
import { listSearch, loadOptions } from './methods';

const properties: INodeProperties[] = withOperationOptions(
	[
		authenticationParameter,
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: 'file',
			options: [
				{ name: 'Component', value: 'component' },
				{ name: 'Dossier', value: 'dossier' },
				{ name: 'Dossier Template', value: 'dossierTemplate' },
				{ name: 'File', value: 'file' },
				{ name: 'License', value: 'license' },
				{ name: 'Result Package', value: 'resultPackage' },
				{ name: 'User', value: 'user' },
			],
		},
		...dossierTemplate.description,
		...dossier.description,
		...file.description,
		...component.description,
		...resultPackage.description,
		...user.description,
		...license.description,
	],
	'DocuMine',
	operations,
);

export class DocuMine implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocuMine',
		name: 'docuMine',
		icon: { light: 'file:documine.svg', dark: 'file:documine.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Upload documents to DocuMine, read the data it extracts and download result packages',
		defaults: { name: 'DocuMine' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'docuMineApi',
				required: true,
				displayOptions: { show: { authentication: ['password'] } },
			},
			{
				name: 'docuMineOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
