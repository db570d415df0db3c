import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DocuMine } from '../../../nodes/DocuMine/DocuMine.node';
import {
	runOnEngine,
	type EngineOptions,
	type EngineRun,
	type UnitParameters,
	locator,
} from '../../helpers/engine';

export { locator } from '../../helpers/engine';

export const URL_ = 'https://dm.test';
export const WORKSPACE = 'acme-ws';
export const TOKEN_PATH = `/auth/realms/${WORKSPACE}/protocol/openid-connect/token`;
export const PASSWORD = 'dm-password-Secret-1';
export const T1 = 'TPL-1';
export const D1 = 'DOS-1';

export function passwordCredential(
	extra: ICredentialDataDecryptedObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		docuMineApi: {
			url: URL_,
			workspaceId: WORKSPACE,
			clientId: 'dm-client',
			clientSecret: '',
			username: 'robot',
			password: PASSWORD,
			tokenUrl: '',
			accessToken: '',
			sessionStartedAt: 0,
			...extra,
		},
	};
}

export const freshToken = () =>
	passwordCredential({ accessToken: 'tok-1', sessionStartedAt: Date.now() });

export const where = { templateId: locator(T1), dossierId: locator(D1) };

/** The files of the dossier `where` names. */
export const FILES = `/api/dossier-templates/${T1}/dossiers/${D1}/files`;

/** Runs the DocuMine node on n8n's engine. */
export async function runDocuMine(
	parameters: UnitParameters,
	options: Partial<Omit<EngineOptions, 'nodeType' | 'parameters'>> = {},
): Promise<EngineRun> {
	return await runOnEngine({
		nodeType: new DocuMine(),
		parameters,
		credentials: freshToken(),
		...options,
	});
}
