import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { baseUrl, apiPage, apiRequest, PAGE_SIZE } from '../transport';

type Labeller = (record: IDataObject) => string;

/** Pages read for one look-up while typed text finds nothing yet (1,000 records at most). */
const SEARCH_PAGES = 5;

/**
 * A list filtered by the typed text. Docketwise documents no server-side search for these lists, so
 * pages are read until something matches (at most SEARCH_PAGES a look-up, a few seconds of the
 * 120-a-minute budget); scrolling reads on from there.
 */
async function searchList(
	ctx: ILoadOptionsFunctions,
	path: string,
	appPath: string | undefined,
	label: Labeller,
	filter?: string,
	paginationToken?: string,
	qs: IDataObject = {},
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const host = await baseUrl(ctx);
	const results: INodeListSearchResult['results'] = [];
	let page = Number(paginationToken ?? 1);
	let next: number | null | undefined = null;
	for (let read = 0; read < SEARCH_PAGES; read++) {
		const { records, pagination } = await apiPage(ctx, path, page, { qs });
		results.push(
			...records
				.map((record) => ({
					name: label(record),
					value: String(record.id),
					url: appPath ? `${host}/${appPath}/${record.id}` : undefined,
				}))
				.filter(
					(result) =>
						!needle || result.name.toLowerCase().includes(needle) || result.value === needle,
				),
		);
		next = pagination ? pagination.next_page : records.length === PAGE_SIZE ? page + 1 : null;
		if (!next || !needle || results.length > 0) break;
		page = next;
	}
	return { results, paginationToken: next ? String(next) : undefined };
}

const contactLabel: Labeller = (record) =>
	[record.first_name, record.last_name].filter(Boolean).join(' ') ||
	String(record.company_name || record.email || `Contact ${record.id}`);

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, '/contacts', 'contacts', contactLabel, filter, paginationToken);
}

export async function searchMatters(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'/matters',
		'matters',
		(record) => [record.number, record.title].filter(Boolean).join(' · ') || `Matter ${record.id}`,
		filter,
		paginationToken,
	);
}

export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'/invoices',
		'invoices',
		(record) =>
			`${record.invoice_number ?? record.id} · ${record.status ?? ''} · ${record.stored_total ?? ''}`,
		filter,
		paginationToken,
	);
}

/** Documents, searched by title on Docketwise's side (its documents list takes `search`). */
export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = (filter ?? '').trim();
	const label: Labeller = (record) =>
		`${String(record.title ?? `Document ${record.id}`)}${record.archived ? ' (archived)' : ''}`;
	// The server filters by title; an ID typed in is looked for on the unfiltered list.
	const byTitle = search && !/^\d+$/.test(search) ? { search } : {};
	return await searchList(
		this,
		'/documents',
		undefined,
		label,
		byTitle.search ? undefined : filter,
		paginationToken,
		byTitle,
	);
}

/** A record ID as the editor holds it, or undefined for an empty field or an expression. */
function typedId(value: unknown): string | undefined {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	return /^\d+$/.test(text) ? text : undefined;
}

/** The charges of the invoice chosen above the Charge field (Docketwise lists charges per invoice). */
export async function searchCharges(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const invoiceId = typedId(this.getCurrentNodeParameter('invoiceId', { extractValue: true }));
	if (!invoiceId) return { results: [] };
	const label: Labeller = (record) =>
		[
			record.description,
			record.amount !== undefined ? `$${String(record.amount)}` : undefined,
			record.status,
		]
			.filter(Boolean)
			.join(' · ') || `Charge ${record.id}`;
	return await searchList(
		this,
		`/invoices/${invoiceId}/charges`,
		undefined,
		label,
		filter,
		paginationToken,
	);
}

/** The notes of the matter or contact chosen in Attach To, as that record's show carries them. */
export async function searchNotes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const onContact = this.getCurrentNodeParameter('attachTo') === 'contact';
	const ownerId = typedId(this.getCurrentNodeParameter(onContact ? 'clientId' : 'matterId'));
	if (!ownerId) return { results: [] };
	const owner = await apiRequest<IDataObject>(
		this,
		'GET',
		`/${onContact ? 'contacts' : 'matters'}/${ownerId}`,
	);
	const notes = Array.isArray(owner.notes) ? (owner.notes as IDataObject[]) : [];
	const needle = (filter ?? '').trim().toLowerCase();
	const results = notes
		.map((note) => ({
			name: String(note.title || String(note.content ?? '').slice(0, 60) || `Note ${note.id}`),
			value: String(note.id),
		}))
		.filter(
			(result) => !needle || result.name.toLowerCase().includes(needle) || result.value === needle,
		);
	return { results };
}
