import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { BASE, loggedIn, PASSWORD, runDocketAlarm } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docket Alarm: sub-accounts', () => {
	it('creates a sub-account on the master’s domain, never echoing its password or push URL', async () => {
		const posted = capture(nock(BASE).post('/api/v1/subaccount/').query(true), 200, {
			success: true,
		});
		const { output } = await runDocketAlarm(
			{
				resource: 'subaccount',
				operation: 'upsert',
				username: 'associate@firm.example',
				password: 'Sub-Pass-77',
				enable: true,
				additionalFields: { name: 'A. Associate', api_push_url: 'https://u:p@hooks.example/da' },
			},
			loggedIn(),
		);
		expect(posted[0].form).toMatchObject({
			username: ['associate@firm.example'],
			password: ['Sub-Pass-77'],
			password_repeat: ['Sub-Pass-77'],
			enable: ['true'],
			name: ['A. Associate'],
			api_push_url: ['https://u:p@hooks.example/da'],
		});
		expect(output[0].json).toEqual({
			username: 'associate@firm.example',
			enabled: true,
			name: 'A. Associate',
			pushUrlSet: true,
		});
	});

	it('refuses a sub-account on another email domain', async () => {
		await expect(
			runDocketAlarm(
				{
					resource: 'subaccount',
					operation: 'upsert',
					username: 'someone@gmail.com',
					password: 'x',
					enable: true,
				},
				loggedIn(),
			),
		).rejects.toThrow(
			'Sub-Account Email must be on firm.example, the domain of your Docket Alarm account [item 0]',
		);
	});

	it('lists sub-accounts', async () => {
		nock(BASE)
			.get('/api/v1/subaccount/')
			.query(true)
			.reply(200, {
				success: true,
				subaccounts: [{ username: 'a@firm.example' }, { username: 'b@firm.example' }],
			});
		const { output } = await runDocketAlarm(
			{ resource: 'subaccount', operation: 'getAll', returnAll: true },
			loggedIn(),
		);
		expect(output.map((item) => item.json.username)).toEqual(['a@firm.example', 'b@firm.example']);
		expect(JSON.stringify(output)).not.toContain(PASSWORD);
	});
});
