import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { DocuMine } from '../../../nodes/DocuMine/DocuMine.node';
import { createFakeContext, type FakeOptions } from '../../helpers/fakeContext';

export const URL_ = 'https://dm.test';
export const WORKSPACE = 'acme-ws';
export const TOKEN_PATH = `/auth/realms/${WORKSPACE}/protocol/openid-connect/token`;
export const PASSWORD = 'dm-password-Secret-1';
export const T1 = 'TPL-1';
export const D1 = 'DOS-1';

export function passwordCredential(extra: ICredentialDataDecryptedObject = {}): Record<string, ICredentialDataDecryptedObject> {
	return {
		docuMineApi: { url: URL_, workspaceId: WORKSPACE, clientId: 'dm-client', clientSecret: '', username: 'robot', password: PASSWORD, tokenUrl: '', accessToken: '', sessionStartedAt: 0, ...extra },
	};
}

export const freshToken = () => passwordCredential({ accessToken: 'tok-1', sessionStartedAt: Date.now() });

export const locator = (value: string) => ({ __rl: true, mode: 'id', value });
export const where = { templateId: locator(T1), dossierId: locator(D1) };

export async function runDocuMine(
	parameters: FakeOptions['parameters'],
	options: Partial<Omit<FakeOptions, 'nodeType' | 'parameters'>> = {},
): Promise<{ output: INodeExecutionData[]; fake: ReturnType<typeof createFakeContext> }> {
	const node = new DocuMine();
	const fake = createFakeContext({ nodeType: node, parameters, credentials: freshToken(), ...options });
	const [output] = await node.execute.call(fake.context);
	return { output, fake };
}
