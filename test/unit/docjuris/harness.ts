import type { IDataObject } from 'n8n-workflow';

import { DocJuris } from '../../../nodes/DocJuris/DocJuris.node';
import {
	runOnEngine,
	type EngineOptions,
	type EngineRun,
	type UnitParameters,
} from '../../helpers/engine';

export { locator } from '../../helpers/engine';

export const BASE = 'https://api.docjuris.test';
export const BASE_URL = `${BASE}/v1`;
export const API_KEY = 'dj-test-key-7f3a9c1e55';
export const ACCOUNT_ID = 'acct-20931';
export const credentials = {
	docJurisApi: { accountId: ACCOUNT_ID, apiKey: API_KEY, baseUrl: BASE_URL },
};
export const BASIC_AUTH = `Basic ${Buffer.from(`${ACCOUNT_ID}:${API_KEY}`).toString('base64')}`;

export const CONTRACT_ID = '4fd24682-dba7-4b8b-84de-6c0d47fde78c';
export const TURN_1 = 'c4d2d8fc-23b6-4df7-94a7-26f95c41f256';
export const TURN_2 = '43e36b4d-5711-49ff-a6d1-c252452fcf0f';

export const contractRecord = (extra: IDataObject = {}): IDataObject => ({
	id: CONTRACT_ID,
	name: 'my contract',
	counterParty: { id: 1, name: 'Company A' },
	type: { id: 3, name: 'NDA', description: '' },
	turns: [
		{
			id: TURN_2,
			isComplete: false,
			lastModified: '2026-02-05T19:28:14.9835627Z',
			source: 'Company A',
		},
		{ id: TURN_1, isComplete: true, lastModified: '2026-01-31T15:14:01.2517127Z', source: '' },
	],
	...extra,
});

/** Runs the DocJuris node on n8n's engine. */
export async function runDocJuris(
	parameters: UnitParameters,
	options: Partial<Omit<EngineOptions, 'nodeType' | 'parameters'>> = {},
): Promise<EngineRun> {
	return await runOnEngine({
		nodeType: new DocJuris(),
		parameters,
		credentials: credentials,
		...options,
	});
}
