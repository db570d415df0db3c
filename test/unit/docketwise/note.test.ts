import nock from 'nock';

import { capture } from '../../helpers/nockRequests';
import { API, locator, runDocketwise } from './harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('Docketwise notes', () => {
	it('creates a note with top-level fields, updates and deletes it', async () => {
		const created = capture(nock(API).post('/notes'), 201, { id: 3, title: 'request photos' });
		await runDocketwise({
			resource: 'note',
			operation: 'create',
			attachTo: 'matter',
			matterId: '1',
			title: 'request photos',
			content: 'ask for the missing pictures',
		});
		expect(created[0].json).toEqual({
			matter_id: '1',
			title: 'request photos',
			content: 'ask for the missing pictures',
		});

		nock(API).put('/notes/3').reply(200, { success: 'Note updated successfully.' });
		const { output } = await runDocketwise({
			resource: 'note',
			operation: 'update',
			noteId: { __rl: true, mode: 'list', value: '3' },
			attachTo: 'contact',
			clientId: '8116',
			title: 'x',
			content: '',
		});
		expect(output[0].json).toEqual({ id: 3, updated: true, success: 'Note updated successfully.' });

		const deleted = capture(nock(API).delete('/notes/3'), 200, {});
		expect(
			(await runDocketwise({ resource: 'note', operation: 'delete', noteId: locator(3) })).output[0]
				.json,
		).toEqual({ id: 3, deleted: true });
		expect(deleted).toHaveLength(1);
		await expect(
			runDocketwise({ resource: 'note', operation: 'delete', noteId: locator('={{ "3a" }}') }),
		).rejects.toThrow('Note ID');

		await expect(
			runDocketwise({
				resource: 'note',
				operation: 'create',
				attachTo: 'matter',
				matterId: '1',
				title: '',
				content: '',
			}),
		).rejects.toThrow('The note has neither a title nor content [item 0]');
	});
});
