import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requireGuid, requireMaxLength } from '../../shared/validators';
import { apiRequest } from '../transport';

/** The contract ID from the Contract locator, checked before anything is sent. */
export function contractIdParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('contractId', itemIndex, '', { extractValue: true });
	return requireGuid(ctx, value, 'Contract ID', itemIndex);
}

interface TurnSummary {
	id?: string;
	lastModified?: string;
}

/**
 * The contract's latest turn: `latestTurnId` where DocJuris gives it, else the most recently
 * modified entry of `turns[]` (older API responses carry only that).
 */
export function latestTurnIdOf(contract: IDataObject): string | undefined {
	if (typeof contract.latestTurnId === 'string' && contract.latestTurnId)
		return contract.latestTurnId;
	const turns = Array.isArray(contract.turns) ? (contract.turns as TurnSummary[]) : [];
	const sorted = [...turns]
		.filter((turn) => turn.id)
		.sort((a, b) => String(a.lastModified ?? '').localeCompare(String(b.lastModified ?? '')));
	return sorted.length ? sorted[sorted.length - 1].id : undefined;
}

/** Resolves the Turn selection ("Latest Turn" reads the contract) to a turn ID. */
export async function resolveTurnId(
	ctx: IExecuteFunctions,
	contractId: string,
	itemIndex: number,
): Promise<string> {
	const selection = ctx.getNodeParameter('turnSelection', itemIndex, 'latest') as string;
	if (selection === 'specific') {
		const value = ctx.getNodeParameter('turnId', itemIndex, '', { extractValue: true });
		return requireGuid(ctx, value, 'Turn ID', itemIndex);
	}
	const contract = await apiRequest<IDataObject>(ctx, 'GET', `/contracts/${contractId}`, {
		itemIndex,
	});
	const latest = latestTurnIdOf(contract ?? {});
	if (!latest) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Contract ${contractId} has no turns yet [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'DocJuris returned the contract without a latest turn. Choose "Specific Turn" and give the turn ID.',
			},
		);
	}
	return latest;
}

interface ExtendedDataRow {
	name?: string;
	value?: string;
	type?: string;
}

/** Builds DocJuris `extendedData` from the Extended Data rows, within the vendor's limits. */
export function extendedDataParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'extendedData',
): IDataObject | undefined {
	const collection = ctx.getNodeParameter(parameterName, itemIndex, {}) as {
		namedValues?: ExtendedDataRow[];
	};
	const rows = collection.namedValues ?? [];
	if (!rows.length) return undefined;
	const namedValues = rows.map((row, rowIndex) => {
		const name = String(row.name ?? '').trim();
		if (!name) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Extended Data value ${rowIndex + 1} has no name [item ${itemIndex}]`,
				{
					itemIndex,
				},
			);
		}
		const value = String(row.value ?? '');
		requireMaxLength(ctx, name, 500, `Extended Data name "${name.slice(0, 40)}"`, itemIndex);
		requireMaxLength(ctx, value, 3000, `Extended Data value of "${name.slice(0, 40)}"`, itemIndex);
		return { name, value, type: row.type === 'url' ? 'url' : 'text' };
	});
	return { namedValues };
}

/** The documentPassword header DocJuris expects: the password, base64-encoded. */
export function documentPasswordHeader(password: string | undefined): IDataObject | undefined {
	return password
		? { documentPassword: Buffer.from(password, 'utf8').toString('base64') }
		: undefined;
}

/** Event types arrive as `TurnCompleted` or `turnCompleted`: compare without case. */
export function normaliseEventType(type: unknown, known: string[]): string | undefined {
	if (typeof type !== 'string') return undefined;
	return known.find((candidate) => candidate.toLowerCase() === type.trim().toLowerCase());
}
