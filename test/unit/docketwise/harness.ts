import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { Docketwise } from '../../../nodes/Docketwise/Docketwise.node';
import {
	runOnEngine,
	type EngineOptions,
	type EngineRun,
	type UnitParameters,
} from '../../helpers/engine';

export { locator } from '../../helpers/engine';

export const HOST = 'https://dw.test';
export const API = `${HOST}/api/v1`;
export const ACCESS_TOKEN = 'dw-access-0a1b2c3d4e5f';
export const REFRESH_TOKEN = 'dw-refresh-9f8e7d6c5b4a';
export const CLIENT_SECRET = 'dw-client-secret-77';

export function credential(
	extra: ICredentialDataDecryptedObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		docketwiseOAuth2Api: {
			clientId: 'dw-client',
			clientSecret: CLIENT_SECRET,
			useCustomUrl: true,
			customUrl: HOST,
			oauthTokenData: {
				access_token: ACCESS_TOKEN,
				refresh_token: REFRESH_TOKEN,
				token_type: 'Bearer',
			},
			...extra,
		},
	};
}

/** Runs the Docketwise node on n8n's engine. */
export async function runDocketwise(
	parameters: UnitParameters,
	options: Partial<Omit<EngineOptions, 'nodeType' | 'parameters'>> = {},
): Promise<EngineRun> {
	return await runOnEngine({
		nodeType: new Docketwise(),
		parameters,
		credentials: credential(),
		...options,
	});
}

export const contact = (id: number, extra: IDataObject = {}): IDataObject => ({
	id,
	first_name: `First${id}`,
	last_name: `Last${id}`,
	middle_name: null,
	company_name: '',
	email: `c${id}@client.example`,
	lead: false,
	lead_phone: null,
	created_at: '2026-01-01T10:00:00.000Z',
	updated_at: '2026-01-01T10:00:00.000Z',
	physical_address: { id: id * 10, city: 'Austin' },
	...extra,
});

/** Serves a list in pages of 200 with an X-Pagination header, recording the pages asked for. */
export function pagedList(records: IDataObject[]) {
	const pages: number[] = [];
	const reply = function (uri: string): [number, IDataObject[], Record<string, string>] {
		const page = Number(new URL(uri, HOST).searchParams.get('page') ?? 1);
		pages.push(page);
		const totalPages = Math.max(1, Math.ceil(records.length / 200));
		const pagination = {
			total: records.length,
			total_pages: totalPages,
			next_page: page < totalPages ? page + 1 : null,
			previous_page: page > 1 ? page - 1 : null,
		};
		return [
			200,
			records.slice((page - 1) * 200, page * 200),
			{ 'X-Pagination': JSON.stringify(pagination) },
		];
	};
	return { pages, reply };
}
