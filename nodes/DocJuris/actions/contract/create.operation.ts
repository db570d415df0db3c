import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
	type INodeProperties,
} from 'n8n-workflow';

import type { MultipartField } from '../../../shared/binary';
import { inputBinaryField } from '../../../shared/descriptions';
import {
	requireEmail,
	requireMaxLength,
	requirePositiveInteger,
	requireText,
} from '../../../shared/validators';
import { documentPasswordHeader, extendedDataParameter } from '../../helpers/utils';
import { uploadFile } from '../../transport';
import { documentPasswordField, extendedDataField } from '../common.descriptions';

const properties: INodeProperties[] = [
	inputBinaryField,
	{
		displayName: 'Contract Type Name or ID',
		name: 'contractType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getContractTypes' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'An expression may also give the contract type’s exact name instead of its ID',
	},
	{
		displayName: 'Counterparty',
		name: 'counterParty',
		type: 'resourceLocator',
		default: { mode: 'name', value: '' },
		required: true,
		description: 'The other party to the contract, by name or by its DocJuris ID',
		modes: [
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'Company A' },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '12',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A counterparty ID is a whole number' },
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Contract Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Up to 300 characters. Without it DocJuris names the contract itself.',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'A short summary of the transaction',
			},
			documentPasswordField,
			{
				displayName: 'Owner Email',
				name: 'owningUserEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Email of the DocJuris user who will own the contract',
			},
			{
				displayName: 'Playbook Name or ID',
				name: 'playbookId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPlaybooks' },
				default: '',
				description:
					'Playbook to screen the contract with. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	extendedDataField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['create'] } },
	properties,
);

/** Contract type from the dropdown (an ID) or an expression (an ID or an exact name). */
export function contractTypeFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = String(ctx.getNodeParameter('contractType', itemIndex, '') ?? '').trim();
	if (/^\d+$/.test(value))
		return { contractTypeId: requirePositiveInteger(ctx, value, 'Contract Type ID', itemIndex) };
	return { contractType: requireText(ctx, value, 'Contract Type', itemIndex, 300) };
}

function counterPartyFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const locator = ctx.getNodeParameter('counterParty', itemIndex) as INodeParameterResourceLocator;
	const value = String(locator?.value ?? '').trim();
	if (locator?.mode === 'id')
		return { counterPartyId: requirePositiveInteger(ctx, value, 'Counterparty ID', itemIndex) };
	return { counterPartyName: requireText(ctx, value, 'Counterparty name', itemIndex, 300) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields: IDataObject = {
		...contractTypeFields(this, itemIndex),
		...counterPartyFields(this, itemIndex),
	};
	if (additional.name)
		fields.name = requireMaxLength(this, String(additional.name), 300, 'Contract Name', itemIndex);
	if (additional.description) fields.description = String(additional.description);
	if (additional.owningUserEmail) {
		fields.owningUserEmail = requireEmail(
			this,
			String(additional.owningUserEmail),
			'Owner Email',
			itemIndex,
		);
	}
	if (additional.playbookId !== undefined && additional.playbookId !== '') {
		fields.playbookId = requirePositiveInteger(
			this,
			additional.playbookId,
			'Playbook ID',
			itemIndex,
		);
	}
	const extendedData = extendedDataParameter(this, itemIndex);
	if (extendedData) fields.extendedData = JSON.stringify(extendedData);
	return await uploadFile(this, '/contracts', fields as Record<string, MultipartField>, itemIndex, {
		headers: documentPasswordHeader(additional.documentPassword as string | undefined),
	});
}
