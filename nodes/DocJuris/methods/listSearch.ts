import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listSubscriptions } from '../helpers/subscriptions';
import { apiRequest } from '../transport';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The turns of the contract chosen in the Contract field, newest first. */
export async function searchTurns(this: ILoadOptionsFunctions): Promise<INodeListSearchResult> {
	const contractId = this.getCurrentNodeParameter('contractId', { extractValue: true });
	if (typeof contractId !== 'string' || !GUID.test(contractId)) return { results: [] };
	const contract = await apiRequest<IDataObject>(this, 'GET', `/contracts/${contractId}`, {});
	const listed = (Array.isArray(contract?.turns) ? contract.turns : []) as IDataObject[];
	// A contract may carry only its latest turn's ID (as the guide's example does): offer that one.
	const latestTurnId =
		typeof contract?.latestTurnId === 'string' ? contract.latestTurnId : undefined;
	const turns = listed.length || !latestTurnId ? listed : [{ id: latestTurnId }];
	const sorted = [...turns].sort((a, b) =>
		String(b.lastModified ?? '').localeCompare(String(a.lastModified ?? '')),
	);
	return {
		results: sorted.map((turn, index) => ({
			name: turn.lastModified
				? `${String(turn.lastModified).slice(0, 16).replace('T', ' ')} · ${turn.source ? String(turn.source) : 'Counterparty'}${turn.isComplete ? ' · completed' : ''}${index === 0 ? ' · latest' : ''}`
				: `Latest turn · ${String(turn.id)}`,
			value: String(turn.id),
		})),
	};
}

export async function searchSubscriptions(
	this: ILoadOptionsFunctions,
): Promise<INodeListSearchResult> {
	const subscriptions = await listSubscriptions(this);
	return {
		results: subscriptions.map((subscription) => ({
			name: `${subscription.type ?? 'subscription'} · created ${String(subscription.created ?? '').slice(0, 10)}`,
			value: subscription.id,
		})),
	};
}
