import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationSubtitle, withOperationOptions } from '../shared/descriptions';
import * as contract from './actions/contract/Contract.resource';
import * as contractType from './actions/contractType/ContractType.resource';
import * as importResource from './actions/import/Import.resource';
import * as playbook from './actions/playbook/Playbook.resource';
import { operations } from './actions/node.type';
import { router } from './actions/router';
import * as subscription from './actions/subscription/Subscription.resource';
import * as turn from './actions/turn/Turn.resource';
import { listSearch, loadOptions } from './methods';

const properties: INodeProperties[] = withOperationOptions(
	[
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: 'contract',
			options: [
				{ name: 'Contract', value: 'contract' },
				{ name: 'Contract Type', value: 'contractType' },
				{ name: 'Import', value: 'import' },
				{ name: 'Playbook', value: 'playbook' },
				{ name: 'Subscription', value: 'subscription' },
				{ name: 'Turn', value: 'turn' },
			],
		},
		...contract.description,
		...turn.description,
		...contractType.description,
		...playbook.description,
		...importResource.description,
		...subscription.description,
	],
	'DocJuris',
	operations,
);

export class DocJuris implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocJuris',
		name: 'docJuris',
		icon: { light: 'file:docjuris.svg', dark: 'file:docjuris.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Create contracts and turns, download redlines and manage subscriptions in DocJuris',
		defaults: { name: 'DocJuris' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'docJurisApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
