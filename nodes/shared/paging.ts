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
