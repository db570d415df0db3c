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
 * asked for, the vendor's total is reached, or a page comes back short, so it never requests a
 * page it can tell is empty.
 */
export async function collectOffsetPages<T>(
	fetchPage: (offset: number, pageSize: number) => Promise<Page<T>>,
	{ limit, maxPageSize }: OffsetPagingOptions,
): Promise<T[]> {
	const records: T[] = [];
	let offset = 0;
	for (;;) {
		const wanted = limit === undefined ? maxPageSize : Math.min(maxPageSize, limit - records.length);
		if (wanted <= 0) break;
		const page = await fetchPage(offset, wanted);
		records.push(...page.records);
		offset += page.records.length;
		if (page.records.length < wanted) break;
		if (page.total !== undefined && offset >= page.total) break;
	}
	return limit === undefined ? records : records.slice(0, limit);
}

/** One numbered page and what the vendor says comes after it. */
export interface NumberedPage<T> {
	records: T[];
	/** The next page number, null when this is the last, undefined when the vendor does not say. */
	nextPage?: number | null;
}

/**
 * Collects a list served in numbered pages (1, 2, …). It follows the vendor's "next page" when given
 * (so a known-empty page is never requested), else stops at a short page, and stops early at the limit.
 */
export async function collectNumberedPages<T>(
	fetchPage: (page: number) => Promise<NumberedPage<T>>,
	{ limit, pageSize }: { limit?: number; pageSize: number },
): Promise<T[]> {
	const records: T[] = [];
	let page = 1;
	for (;;) {
		const result = await fetchPage(page);
		records.push(...result.records);
		if (limit !== undefined && records.length >= limit) break;
		if (result.nextPage === null) break;
		if (result.nextPage === undefined && result.records.length < pageSize) break;
		if (result.nextPage !== undefined && result.nextPage <= page) break;
		page = result.nextPage ?? page + 1;
	}
	return limit === undefined ? records : records.slice(0, limit);
}
