import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { eventsSubtitle } from '../shared/descriptions';
import { apiList, apiPage, apiRequest, PAGE_SIZE } from './transport';

interface EventDefinition {
	path: string;
	kind: 'new' | 'updated' | 'statusChanged';
}

const EVENTS: Record<string, EventDefinition> = {
	newContact: { path: '/contacts', kind: 'new' },
	updatedContact: { path: '/contacts', kind: 'updated' },
	newMatter: { path: '/matters', kind: 'new' },
	updatedMatter: { path: '/matters', kind: 'updated' },
	matterStatusChanged: { path: '/matters', kind: 'statusChanged' },
	newDocument: { path: '/documents', kind: 'new' },
	newInvoice: { path: '/invoices', kind: 'new' },
};

/** Keys remembered to drop records already emitted (equal timestamps, retries across restarts). */
const REMEMBERED_KEYS = 2000;

interface PollState {
	event: string;
	maxId: number;
	lastUpdatedAt: string;
	seen: string[];
	/** Matter ID → status, for status changes. */
	statuses?: Record<string, string>;
}

const idOf = (record: IDataObject) => Number(record.id) || 0;
const updatedAtOf = (record: IDataObject) => String(record.updated_at ?? '');

/** A matter's status as Docketwise gives it: a name, an ID, or an {id, name} object. */
function statusOf(record: IDataObject): string {
	const status = record.status ?? record.matter_status_id ?? null;
	if (status && typeof status === 'object')
		return String((status as IDataObject).id ?? (status as IDataObject).name ?? '');
	return status === null || status === undefined ? '' : String(status);
}

/** Whether a page's ids run strictly one way, as in a list sorted by id, and which way. */
function idOrder(records: IDataObject[]): 'ascending' | 'descending' | undefined {
	const ids = records.map(idOf);
	if (ids.length < 2) return undefined;
	if (ids.every((id, index) => index === 0 || ids[index - 1] > id)) return 'descending';
	if (ids.every((id, index) => index === 0 || ids[index - 1] < id)) return 'ascending';
	return undefined;
}

/**
 * Records newer than `maxId`. When page 1 proves the list is sorted by id (checked on every poll,
 * since a firm's list order is not ours to know), only the newest end is read, stopping at the first
 * known id; every page read on the way must keep that order. Otherwise (a list sorted by name, say,
 * where a new record can land on any page) every page is read: that costs requests, never records.
 */
async function newRecords(
	ctx: IPollFunctions,
	path: string,
	maxId: number,
): Promise<IDataObject[]> {
	const first = await apiPage(ctx, path, 1);
	const totalPages =
		first.pagination?.total_pages ?? (first.records.length < PAGE_SIZE ? 1 : undefined);
	const fresh = (records: IDataObject[]) => records.filter((record) => idOf(record) > maxId);
	if (totalPages === 1) return fresh(first.records);
	const order = idOrder(first.records);
	const everyPage = async () => fresh(await apiList(ctx, path));
	const keepsOrder = (records: IDataObject[]) => records.length < 2 || idOrder(records) === order;
	if (order === 'descending') {
		const found = fresh(first.records);
		for (
			let page = 2;
			found.length === (page - 1) * PAGE_SIZE && (totalPages === undefined || page <= totalPages);
			page++
		) {
			const records = (await apiPage(ctx, path, page)).records;
			if (!keepsOrder(records)) return await everyPage();
			found.push(...fresh(records));
		}
		return found;
	}
	if (order === 'ascending' && totalPages !== undefined) {
		// The newest records are on the last pages.
		const found: IDataObject[] = [];
		for (let page = totalPages; page >= 1; page--) {
			const records = page === 1 ? first.records : (await apiPage(ctx, path, page)).records;
			if (!keepsOrder(records)) return await everyPage();
			found.push(...fresh(records));
			if (records.some((record) => idOf(record) <= maxId)) break;
		}
		return found;
	}
	return await everyPage();
}

const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		default: 'newContact',
		options: [
			{
				name: 'Matter Status Changed',
				value: 'matterStatusChanged',
				description: 'A matter moved to another status (old and new status in the output)',
			},
			{ name: 'New Contact', value: 'newContact' },
			{ name: 'New Document', value: 'newDocument' },
			{ name: 'New Invoice', value: 'newInvoice' },
			{ name: 'New Matter', value: 'newMatter' },
			{
				name: 'Updated Contact',
				value: 'updatedContact',
				description: 'An existing contact changed',
			},
			{ name: 'Updated Matter', value: 'updatedMatter', description: 'An existing matter changed' },
		],
	},
	{
		displayName:
			'Docketwise has no webhooks and no "changed since" filter: updated and status events read the whole list on every poll (one request per 200 records, out of 120 a minute). Poll large firms less often.',
		name: 'costNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { event: ['updatedContact', 'updatedMatter', 'matterStatusChanged'] } },
	},
];

export class DocketwiseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Docketwise Trigger',
		name: 'docketwiseTrigger',
		icon: { light: 'file:docketwise.svg', dark: 'file:docketwise.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(properties, 'event'),
		description:
			'Starts the workflow when contacts, matters, documents or invoices are added or changed in Docketwise',
		defaults: { name: 'Docketwise Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'docketwiseOAuth2Api', required: true }],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const definition = EVENTS[event];
		const staticData = this.getWorkflowStaticData('node');

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the most recent record, so fields can be mapped.
			const records = await apiList(this, definition.path);
			const latest = [...records].sort((a, b) =>
				definition.kind === 'new'
					? idOf(b) - idOf(a)
					: updatedAtOf(b).localeCompare(updatedAtOf(a)),
			)[0];
			if (!latest) return null;
			const sample =
				definition.kind === 'statusChanged'
					? { matter: latest, previousStatus: null, status: statusOf(latest) }
					: latest;
			return [this.helpers.returnJsonArray([{ event, ...sample }])];
		}

		const state = staticData.state as unknown as PollState | undefined;
		const fresh = !state || state.event !== event;
		let records: IDataObject[];
		if (definition.kind === 'new' && !fresh)
			records = await newRecords(this, definition.path, state.maxId);
		else records = await apiList(this, definition.path);

		const next: PollState = fresh
			? { event, maxId: 0, lastUpdatedAt: '', seen: [] }
			: {
					...state,
					seen: [...state.seen],
					statuses: state.statuses ? { ...state.statuses } : undefined,
				};
		const emitted: IDataObject[] = [];
		const seen = new Set(next.seen);

		for (const record of records) {
			const id = idOf(record);
			if (definition.kind === 'new') {
				const key = `new:${id}`;
				if (!fresh && id > state.maxId && !seen.has(key)) emitted.push(record);
				seen.add(key);
			} else if (definition.kind === 'updated') {
				const updatedAt = updatedAtOf(record);
				const key = `${id}@${updatedAt}`;
				// Changes to records that existed at the last poll; a new record is not an update.
				if (!fresh && id <= state.maxId && updatedAt >= state.lastUpdatedAt && !seen.has(key))
					emitted.push(record);
				if (updatedAt >= next.lastUpdatedAt) seen.add(key);
			} else {
				next.statuses ??= {};
				const status = statusOf(record);
				const previous = next.statuses[String(id)];
				if (!fresh && previous !== undefined && previous !== status)
					emitted.push({ matter: record, previousStatus: previous, status });
				next.statuses[String(id)] = status;
			}
			next.maxId = Math.max(next.maxId, id);
			if (updatedAtOf(record) > next.lastUpdatedAt) next.lastUpdatedAt = updatedAtOf(record);
		}
		next.seen = [...seen].slice(-REMEMBERED_KEYS);
		// The first poll only takes note of what exists, so activation does not replay the firm's history.
		staticData.state = next as unknown as IDataObject;
		if (!emitted.length) return null;
		if (definition.kind === 'statusChanged') await nameStatuses(this, emitted);
		emitted.sort(
			(a, b) => idOf((a.matter as IDataObject) ?? a) - idOf((b.matter as IDataObject) ?? b),
		);
		return [this.helpers.returnJsonArray(emitted.map((record) => ({ event, ...record })))];
	}
}

/** Adds the statuses' names (one request per poll, only when something changed). */
async function nameStatuses(ctx: IPollFunctions, changes: IDataObject[]): Promise<void> {
	const statuses = await apiRequest<IDataObject[]>(ctx, 'GET', '/matter_statuses');
	const names = new Map(
		(Array.isArray(statuses) ? statuses : []).map((status) => [String(status.id), status.name]),
	);
	for (const change of changes) {
		change.previousStatusName = names.get(String(change.previousStatus)) ?? change.previousStatus;
		change.statusName = names.get(String(change.status)) ?? change.status;
	}
}
