import nock from 'nock';

import { envelope } from '../../helpers/nockRequests';
import { BASE, runDocJuris } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocJuris playbooks', () => {
	it('lists playbooks and offers `name` where the vendor sends `title`', async () => {
		nock(BASE)
			.get('/v1/playbooks')
			.query({ skip: 0, take: 50 })
			.reply(
				200,
				envelope({
					totalCount: 2,
					playbooks: [
						{ id: 1, name: 'NDA playbook' },
						{ id: 2, title: 'MSA playbook' },
					],
				}),
			);
		const { output } = await runDocJuris({ resource: 'playbook', operation: 'getAll' });
		expect(output.map((item) => item.json)).toEqual([
			{ id: 1, name: 'NDA playbook' },
			{ id: 2, title: 'MSA playbook', name: 'MSA playbook' },
		]);
	});
});
