import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { MultipartField } from '../../../shared/binary';
import { inputBinaryField } from '../../../shared/descriptions';
import {
	contractIdParameter,
	documentPasswordHeader,
	extendedDataParameter,
	resolveTurnId,
} from '../../helpers/utils';
import { uploadFile } from '../../transport';
import {
	contractLocator,
	documentPasswordField,
	extendedDataField,
	turnSelection,
} from '../common.descriptions';

/** Turn tags DocJuris documents by ID. */
export const EXECUTION_COPY_TAGS = {
	importedIsExecutionCopy: '1ccc94a7-e71b-4e03-9bb9-995a6a63f568',
	exportedIsExecutionCopy: '56651238-5584-40e6-8957-d8ddcb3ea689',
};

const properties: INodeProperties[] = [
	contractLocator,
	inputBinaryField,
	...turnSelection('replace'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'A short summary of the turn',
			},
			documentPasswordField,
			{
				displayName: 'Execution Copy Tag',
				name: 'executionCopyTag',
				type: 'options',
				default: 'importedIsExecutionCopy',
				description: 'Tag the turn as the execution copy (the version to be signed)',
				options: [
					{ name: 'Imported Is Execution Copy', value: 'importedIsExecutionCopy' },
					{ name: 'Exported Is Execution Copy', value: 'exportedIsExecutionCopy' },
				],
			},
			{
				displayName: 'Source',
				name: 'source',
				type: 'string',
				default: '',
				placeholder: 'Outside counsel',
				description:
					'Who the turn is from (internal department, outside counsel, …). Leave empty when it comes from the counterparty.',
			},
		],
	},
	extendedDataField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['turn'], operation: ['create'] } },
	properties,
);

const STALE_TURN_HINT =
	'DocJuris accepts a turn only when Current Turn is the contract’s latest turn; another turn may have been uploaded meanwhile. Choose "Latest Turn" or pass the latest turn’s ID.';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contractId = contractIdParameter(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extendedData = extendedDataParameter(this, itemIndex);
	// Validate everything local before reading the contract for its latest turn.
	this.getNodeParameter('binaryPropertyName', itemIndex);
	const currentTurnId = await resolveTurnId(this, contractId, itemIndex);
	const fields: Record<string, MultipartField> = {
		currentTurnId,
		source: additional.source ? String(additional.source) : undefined,
		description: additional.description ? String(additional.description) : undefined,
		extendedData: extendedData ? JSON.stringify(extendedData) : undefined,
		tags: additional.executionCopyTag
			? [EXECUTION_COPY_TAGS[additional.executionCopyTag as keyof typeof EXECUTION_COPY_TAGS]]
			: undefined,
	};
	const turn = await uploadFile(this, `/contracts/${contractId}/turns`, fields, itemIndex, {
		headers: documentPasswordHeader(additional.documentPassword as string | undefined),
		hints: { 400: STALE_TURN_HINT, 409: STALE_TURN_HINT },
	});
	return { contractId, ...turn };
}
