import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pickFields, simplifyParameter } from '../../shared/toolOutput';

const CONTRACT_FIELDS = [
	'id',
	'name',
	'description',
	'type',
	'counterParty',
	'lastModified',
	'latestTurnId',
] as const;
const TURN_FIELDS = [
	'id',
	'contractId',
	'description',
	'source',
	'isComplete',
	'isLatest',
	'lastModified',
	'importedFileName',
	'tags',
] as const;

export const simplifyContract = simplifyParameter(
	'the contract’s name, type, counterparty, dates, its turns’ states and its app link',
);
export const simplifyTurn = simplifyParameter(
	'the turn’s state, source, description, tags, dates and its app link',
);

/** The named values set on a record, as name → value (DocJuris nests them in extendedData). */
function namedValues(record: IDataObject): IDataObject | undefined {
	const values = ((record.extendedData as IDataObject | undefined)?.namedValues ??
		[]) as IDataObject[];
	if (!values.length) return undefined;
	return Object.fromEntries(values.map((entry) => [String(entry.name), entry.value]));
}

function simplified(record: IDataObject, fields: readonly string[]): IDataObject {
	const compact = pickFields(record, fields);
	const values = namedValues(record);
	if (values) compact.namedValues = values;
	const app = (record.urls as IDataObject | undefined)?.app;
	if (app) compact.appUrl = app;
	return compact;
}

/** A contract as read, or its compact form when "Simplify" is on. */
export function contractOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	contract: IDataObject,
): IDataObject {
	if (!ctx.getNodeParameter('simplify', itemIndex, false)) return contract;
	const compact = simplified(contract, CONTRACT_FIELDS);
	const turns = (contract.turns ?? []) as IDataObject[];
	if (turns.length)
		compact.turns = turns.map((turn) =>
			pickFields(turn, ['id', 'isComplete', 'source', 'lastModified']),
		);
	return compact;
}

/** A turn as read, or its compact form when "Simplify" is on. */
export function turnOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	turn: IDataObject,
): IDataObject {
	if (!ctx.getNodeParameter('simplify', itemIndex, false)) return turn;
	return simplified(turn, TURN_FIELDS);
}
