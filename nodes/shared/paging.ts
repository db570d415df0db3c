import { inParallel } from './itemLoop';

/** One page of a list, as the vendor returned it. */
export interface Page<T> {
	records: T[];
	/** Total number of records, when the vendor says. */
	total?: number;
}

export interface OffsetPagingOptions {
	/** Stop after this many records (no "Return All"). */
	limit?: number;
	/** The largest page the vendor serves: we always ask for it, to spend the fewest requests. */
	maxPageSize: number;
}

/**
 * Collects an offset-paged list (skip/take, offset/limit). It stops as soon as it has the records
 * asked for, or the vendor's total is reached. A short page ends the list only when the vendor gives
 * no total: a vendor may serve fewer than asked (an account capped below our page size) while its
 * total says more remain, and stopping there would lose records. With no total, a short page ends
 * it; an empty page always does.
 */
export async function collectOffsetPages<T>(
	fetchPage: (offset: number, pageSize: number) => Promise<Page<T>>,
	{ limit, maxPageSize }: OffsetPagingOptions,
): Promise<T[]> {
	const records: T[] = [];
	let offset = 0;
	for (;;) {
		const wanted =
			limit === undefined ? maxPageSize : Math.min(maxPageSize, limit - records.length);
		if (wanted <= 0) break;
		const page = await fetchPage(offset, wanted);
		records.push(...page.records);
		offset += page.records.length;
		if (page.records.length === 0) break;
		if (page.total !== undefined) {
			if (offset >= page.total) break;
		} else if (page.records.length < wanted) break;
	}
	return limit === undefined ? records : records.slice(0, limit);
}

/** One numbered page and what the vendor says comes after it. */
export interface NumberedPage<T> {
	records: T[];
	/** The next page number, null when this is the last, undefined when the vendor does not say. */
	nextPage?: number | null;
	/** How many pages the list has, when the vendor says. */
	totalPages?: number;
}

/** Pages read at once once the number of pages is known (within the vendor's pacing, if any). */
export const PARALLEL_PAGES = 4;

/**
 * Collects a list served in numbered pages (1, 2, …). It follows the vendor's "next page" when given
 * (so a known-empty page is never requested), else stops at a short page, and stops early at the limit.
 * When the first page tells how many pages there are, the rest are read a few at a time, in order.
 */
export async function collectNumberedPages<T>(
	fetchPage: (page: number) => Promise<NumberedPage<T>>,
	{ limit, pageSize }: { limit?: number; pageSize: number },
): Promise<T[]> {
	const first = await fetchPage(1);
	const records: T[] = [...first.records];
	const cut = (list: T[]) => (limit === undefined ? list : list.slice(0, limit));
	if (first.totalPages !== undefined && first.nextPage !== undefined) {
		const wantedPages =
			limit === undefined
				? first.totalPages
				: Math.min(first.totalPages, Math.ceil(limit / pageSize));
		const rest: T[][] = [];
		await inParallel(Math.max(0, wantedPages - 1), PARALLEL_PAGES, async (index) => {
			rest[index] = (await fetchPage(index + 2)).records;
		});
		return cut(records.concat(...rest));
	}
	let result = first;
	let page = 1;
	for (;;) {
		if (limit !== undefined && records.length >= limit) break;
		if (result.nextPage === null) break;
		if (result.nextPage === undefined && result.records.length < pageSize) break;
		if (result.nextPage !== undefined && result.nextPage <= page) break;
		page = result.nextPage ?? page + 1;
		result = await fetchPage(page);
		records.push(...result.records);
	}
	return cut(records);
}

/** One page of a list read by cursor, with the cursor of the next page (none: the list ends here). */
export interface CursorPage<T> {
	records: T[];
	next?: string;
}

/** Collects a list read by cursor (scroll tokens): page after page until one is empty or has no next cursor. */
export async function collectCursorPages<T>(
	fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
): Promise<T[]> {
	const records: T[] = [];
	let cursor: string | undefined;
	for (;;) {
		const page = await fetchPage(cursor);
		if (!page.records.length) break;
		records.push(...page.records);
		if (!page.next) break;
		cursor = page.next;
	}
	return records;
}
