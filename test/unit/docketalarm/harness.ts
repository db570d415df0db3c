import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DocketAlarm } from '../../../nodes/DocketAlarm/DocketAlarm.node';
import {
	runOnEngine,
	type EngineOptions,
	type EngineRun,
	type UnitParameters,
	locator,
} from '../../helpers/engine';

export { locator } from '../../helpers/engine';

export const BASE = 'https://www.docketalarm.test';
export const PASSWORD = 'da-pass-Secret-9931';
export const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90aa';
export const NEW_TOKEN = 'ffee00112233445566778899aabbccdd11';

export function credential(
	extra: ICredentialDataDecryptedObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		docketAlarmApi: {
			username: 'clerk@firm.example',
			password: PASSWORD,
			authMethod: 'loginToken',
			clientMatter: 'CM-default',
			testMode: false,
			baseUrl: BASE,
			loginToken: '',
			sessionStartedAt: 0,
			...extra,
		},
	};
}

/** Options for a run whose credential holds a fresh login token, so no login call is expected. */
export const loggedIn = () => ({
	credentials: credential({ loginToken: TOKEN, sessionStartedAt: Date.now() }),
});

/** Runs the Docket Alarm node on n8n's engine (a fresh, not yet logged-in credential unless given). */
export async function runDocketAlarm(
	parameters: UnitParameters,
	options: Partial<Omit<EngineOptions, 'nodeType' | 'parameters'>> = {},
): Promise<EngineRun> {
	return await runOnEngine({
		nodeType: new DocketAlarm(),
		parameters,
		credentials: credential(),
		...options,
	});
}

export const docketResponse = {
	success: true,
	info: {
		title: 'Kickstarter, Inc. v. Fan Funded, LLC et al',
		date_filed: '9/30/2011',
		judge: 'Judge Katherine Polk Failla',
		nature_of_suit: '830 Patent',
	},
	docket_report: [
		{
			date: '9/11/2014',
			entry_date: '9/11/2014',
			number: 107,
			contents: 'DECLARATION',
			link: `${BASE}/cases/NYSD/1--11-cv-06909/K/docs/107.pdf`,
			exhibits: [],
		},
		{
			date: '9/6/2013',
			entry_date: '9/6/2013',
			contents: 'Minute Entry',
			link: null,
			exhibits: [],
		},
	],
	parties: [
		{
			name: 'Fan Funded, LLC',
			type: 'Defendant',
			counsel: [{ name: 'M. Allan', firm: 'Steptoe' }],
		},
		{ name: 'Kickstarter, Inc.', type: 'Plaintiff' },
	],
};

/** A court as Docket Alarm names it (the court locator's By Name mode). */
export const courtByName = (name: string) => locator(name, 'name');
