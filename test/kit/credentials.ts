/**
 * The four credentials of a stack of simulators, as n8n imports them: what the sandbox, the
 * examples' e2e test and the hard cases give n8n. Docketwise's is a token pair as the OAuth consent
 * would give it (the simulator has no login page).
 */
import type { DocJurisSimulator } from './simulators/docjuris';
import type { DocketAlarmSimulator } from './simulators/docketalarm';
import type { DocketwiseSimulator } from './simulators/docketwise';
import type { DocuMineSimulator } from './simulators/documine';
import { docJurisCredentialFile } from './workflows/docjuris';
import { docketAlarmCredentialFile } from './workflows/docketalarm';
import { docketwiseCredentialFile } from './workflows/docketwise';
import { docuMineCredentialFile } from './workflows/documine';

/** The simulators of the four vendors, started together. */
export interface Simulators {
	docJuris: DocJurisSimulator;
	docketAlarm: DocketAlarmSimulator;
	docketwise: DocketwiseSimulator;
	docuMine: DocuMineSimulator;
}

export function simulatorCredentials({
	docJuris,
	docketAlarm,
	docketwise,
	docuMine,
}: Simulators): unknown[] {
	return [
		...docJurisCredentialFile(docJuris.apiBaseUrl, docJuris.accountId, docJuris.apiKey),
		...docketAlarmCredentialFile(docketAlarm.url, docketAlarm.username, docketAlarm.password),
		...docketwiseCredentialFile(
			docketwise.url,
			docketwise.clientId,
			docketwise.clientSecret,
			docketwise.issueTokens(),
			undefined,
			// The pace the simulator allows (the documented 120 unless a test scales the clock).
			docketwise.rateLimit,
		),
		...docuMineCredentialFile(
			docuMine.url,
			docuMine.workspaceId,
			docuMine.clientId,
			docuMine.username,
			docuMine.password,
		),
	];
}
