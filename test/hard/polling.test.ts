/**
 * Polling triggers across restarts (issue "Reliability, security and scale-out", part 4): the
 * Docketwise and DocuMine triggers emit every event once while n8n is stopped and started again,
 * including events that happen while n8n is down. Its own n8n, so it runs beside lifecycle.test.ts:
 * most of it is waiting for n8n's minute clock.
 */
import { waitFor } from '../kit/n8n';
import { docketwiseTriggerWorkflow } from '../kit/workflows/docketwise';
import { docuMineTriggerWorkflow } from '../kit/workflows/documine';
import { HardStack, record, scanForSecrets } from './harness';

const stack = new HardStack();
const DW = 'dwTrigger0000001';
const DM = 'dmTrigger0000001';

beforeAll(async () => {
	const { docketwise, docuMine } = stack.sims;
	await stack.prepare([]);
	await stack.n8n.importWorkflows([
		docketwiseTriggerWorkflow(`${docketwise.url}/_sim/sink`),
		docuMineTriggerWorkflow(`${docuMine.url}/_sim/sink`),
	]);
	await stack.n8n.start();
});

afterAll(async () => {
	await stack.cleanup();
});

describe('polling triggers across restarts', () => {
	it('polling triggers emit every event once across restarts, including events that happen while n8n is down', async () => {
		const { docketwise, docuMine } = stack.sims;
		const contactPolls = () =>
			docketwise.requestLog.filter((entry) => entry.call.startsWith('GET /api/v1/contacts')).length;
		const filePolls = () => docuMine.fileListReads;
		// Polls on n8n's own clock (once a minute at best): a wait for one is a wait of up to 60 s.
		const pollsSince = () => {
			const [contacts, files] = [contactPolls(), filePolls()];
			return async () =>
				await waitFor(
					'a poll of each trigger',
					() => (contactPolls() > contacts && filePolls() > files ? true : undefined),
					150_000,
				);
		};
		// Activation polls once at once: that first poll sets where each trigger starts from.
		const firstPoll = pollsSince();
		await stack.n8n.activate(DW);
		await stack.n8n.activate(DM);
		await firstPoll();
		const expectedContacts: unknown[] = [];
		const expectedFiles: unknown[] = [];
		const addEvents = (round: string) => {
			for (let index = 1; index <= 3; index++) {
				expectedContacts.push(
					docketwise.addContact({ first_name: `${round}${index}`, last_name: 'Polled' }).id,
				);
				expectedFiles.push(docuMine.addProcessedFile('dos-1', `${round}-${index}.pdf`).id);
			}
		};
		// n8n saves a polling trigger's state when the poll emits, before the workflow runs: a restart
		// in that moment loses the emitted items (n8n's behaviour, whatever the node). Restarts here
		// come between polls, once what was emitted has arrived.
		const delivered = async () =>
			await waitFor(
				'the emitted events to arrive',
				() =>
					docketwise.sink.length >= expectedContacts.length &&
					docuMine.sink.length >= expectedFiles.length
						? true
						: undefined,
				150_000,
			);
		// Each round: events a scheduled poll finds, then a restart with events made while n8n is
		// down, which the poll each start makes finds. Stops come right after a scheduled poll's
		// events arrived, so none falls inside a poll.
		const rounds = 3;
		for (let round = 1; round <= rounds; round++) {
			addEvents(`Up${round}-`);
			await delivered();
			await stack.n8n.stop();
			addEvents(`Down${round}-`);
			await stack.n8n.start();
			await delivered();
		}
		// One more scheduled poll of each: nothing is emitted twice.
		await pollsSince()();
		const sinkIds = (sink: unknown[]) =>
			(sink as Array<Record<string, unknown>>).map((entry) => entry.id);
		const contacts = sinkIds(docketwise.sink);
		const files = sinkIds(docuMine.sink);
		const held =
			JSON.stringify(contacts) === JSON.stringify(expectedContacts) &&
			JSON.stringify([...files].sort()) === JSON.stringify([...expectedFiles].sort());
		record(
			'Lifecycle',
			`Docketwise + DocuMine polling triggers: ${rounds} restarts, ${expectedContacts.length} contacts and ${expectedFiles.length} files added (half while n8n was down)`,
			held,
			`${contacts.length} contacts and ${files.length} files emitted; ${new Set(contacts).size} and ${new Set(files).size} distinct`,
		);
		expect(contacts).toEqual(expectedContacts);
		expect([...files].sort()).toEqual([...expectedFiles].sort());
		await stack.n8n.deactivate(DW);
		await stack.n8n.deactivate(DM);
	});

	it('leaves no secret in any stored execution or the log', async () => {
		expect(await scanForSecrets(stack, 'polling')).toEqual([]);
	});
});
