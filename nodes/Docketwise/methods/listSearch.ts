import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { docketwiseHost, docketwisePage } from '../transport';

type Labeller = (record: IDataObject) => string;

/**
 * One page (200 records) of a list, filtered by the typed text on this page; scrolling loads the
 * next page. Docketwise documents no server-side search for these lists.
 */
async function searchList(ctx: ILoadOptionsFunctions, path: string, appPath: string, label: Labeller, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const { records, pagination } = await docketwisePage(ctx, path, page);
	const needle = (filter ?? '').trim().toLowerCase();
	const host = await docketwiseHost(ctx);
	const results = records
		.map((record) => ({ name: label(record), value: String(record.id), url: `${host}/${appPath}/${record.id}` }))
		.filter((result) => !needle || result.name.toLowerCase().includes(needle) || result.value === needle);
	const next = pagination ? pagination.next_page : records.length === 200 ? page + 1 : null;
	return { results, paginationToken: next ? String(next) : undefined };
}

const contactLabel: Labeller = (record) =>
	[record.first_name, record.last_name].filter(Boolean).join(' ') || String(record.company_name || record.email || `Contact ${record.id}`);

export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchList(this, '/contacts', 'contacts', contactLabel, filter, paginationToken);
}

export async function searchMatters(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchList(this, '/matters', 'matters', (record) => [record.number, record.title].filter(Boolean).join(' · ') || `Matter ${record.id}`, filter, paginationToken);
}

export async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchList(this, '/invoices', 'invoices', (record) => `${record.invoice_number ?? record.id} · ${record.status ?? ''} · ${record.stored_total ?? ''}`, filter, paginationToken);
}
