import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { D1, runDocuMine, T1, URL_, where } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('DocuMine dossiers', () => {
	it('creates and updates a dossier, sending the whole record back on update', async () => {
		const created = capture(nock(URL_).post(`/api/dossier-templates/${T1}/dossiers`), 200, {
			id: D1,
			name: 'Study 42',
		});
		await runDocuMine({
			resource: 'dossier',
			operation: 'create',
			templateId: where.templateId,
			name: 'Study 42',
			additionalFields: { description: 'Tox', ownerId: 'u1', memberIds: ['u2'] },
		});
		expect(created[0].json).toEqual({
			name: 'Study 42',
			description: 'Tox',
			ownerId: 'u1',
			memberIds: ['u2'],
		});

		nock(URL_)
			.get(`/api/dossier-templates/${T1}/dossiers/${D1}`)
			.reply(200, { id: D1, name: 'Study 42', description: 'Tox' });
		const updated = capture(nock(URL_).put(`/api/dossier-templates/${T1}/dossiers/${D1}`), 200, {
			id: D1,
		});
		await runDocuMine({
			resource: 'dossier',
			operation: 'update',
			...where,
			updateFields: { name: 'Study 43' },
		});
		expect(updated[0].json).toEqual({ id: D1, name: 'Study 43', description: 'Tox' });
	});

	it('gets a dossier of a template', async () => {
		nock(URL_)
			.get(`/api/dossier-templates/${T1}/dossiers/${D1}`)
			.reply(200, { id: D1, name: 'Study 42', dossierTemplateId: T1 });
		const { output } = await runDocuMine({ resource: 'dossier', operation: 'get', ...where });
		expect(output[0].json).toEqual({ id: D1, name: 'Study 42', dossierTemplateId: T1 });
		await expect(
			runDocuMine({
				resource: 'dossier',
				operation: 'get',
				templateId: where.templateId,
				dossierId: { __rl: true, mode: 'id', value: '={{ "" }}' },
			}),
		).rejects.toThrow('[item 0]');
	});

	it('lists a template’s dossiers, archived ones only when asked, up to the limit', async () => {
		const dossiers = {
			dossiers: [
				{ id: 'D-a', name: 'A' },
				{ id: 'D-b', name: 'B' },
				{ id: 'D-c', name: 'C' },
			],
		};
		const active = capture(nock(URL_).get(`/api/dossier-templates/${T1}/dossiers`), 200, dossiers);
		const limited = await runDocuMine({
			resource: 'dossier',
			operation: 'getAll',
			templateId: where.templateId,
			returnAll: false,
			limit: 2,
		});
		expect(limited.output.map((item) => item.json.id)).toEqual(['D-a', 'D-b']);
		expect(active[0].query).toEqual({});
		const archived = capture(
			nock(URL_).get(`/api/dossier-templates/${T1}/dossiers`).query({ includeArchived: 'true' }),
			200,
			dossiers,
		);
		const all = await runDocuMine({
			resource: 'dossier',
			operation: 'getAll',
			templateId: where.templateId,
			returnAll: true,
			includeArchived: true,
		});
		expect(all.output).toHaveLength(3);
		expect(archived).toHaveLength(1);
	});

	it('deletes a dossier and says which', async () => {
		const removed = capture(
			nock(URL_).delete(`/api/dossier-templates/${T1}/dossiers/${D1}`),
			204,
			'',
		);
		const { output } = await runDocuMine({ resource: 'dossier', operation: 'delete', ...where });
		expect(removed).toHaveLength(1);
		expect(output[0].json).toEqual({ id: D1, deleted: true });
	});

	it('gets a dossier template by ID', async () => {
		nock(URL_).get(`/api/dossier-templates/${T1}`).reply(200, { id: T1, name: 'Toxicology' });
		const { output } = await runDocuMine({
			resource: 'dossierTemplate',
			operation: 'get',
			templateId: where.templateId,
		});
		expect(output[0].json).toEqual({ id: T1, name: 'Toxicology' });
	});
});
