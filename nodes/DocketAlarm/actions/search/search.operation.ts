import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { collectCursorPages, collectOffsetPages } from '../../../shared/paging';
import { limitParameter } from '../../../shared/parameters';
import { requireText } from '../../../shared/validators';
import { withIsoDates } from '../../helpers/dates';
import { clientMatterParameter } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { clientMatterOption } from '../common.descriptions';

/** search/ serves at most 50 results a call, and offset + limit must stay below 1000. */
export const PAGE_SIZE = 50;
export const OFFSET_WINDOW = 1000;
/** Docket Alarm advises bins of at most 5000 results each. */
const RESULTS_PER_BIN = 5000;
const MAX_BINS = 16;

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'is:docket party:(name:"Acme" type:defendant) from:-30days',
		description:
			'Keywords with Docket Alarm’s connectors and filters (court:, party:, is:docket, from:, to:, …)',
	},
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			clientMatterOption,
			{
				displayName: 'Include Total Count',
				name: 'includeCount',
				type: 'boolean',
				default: false,
				description:
					'Whether to add `search_count`, how many results the search has in all (Docket Alarm’s count), to each result',
			},
			{
				displayName: 'Parallel Bins',
				name: 'parallelBins',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_BINS },
				default: 1,
				description:
					'For more than 999 results, Docket Alarm splits the results into bins read side by side. 1 reads one after the other; 0 picks enough bins for at most 5000 results each (one extra request to count). Results from several bins are not in sort order.',
			},
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				default: '',
				options: [
					{ name: 'Relevance', value: '' },
					{ name: 'Date Filed, Newest First', value: '-date_filed' },
					{ name: 'Date Filed, Oldest First', value: 'date_filed' },
					{ name: 'Random', value: 'random' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['search'], operation: ['search'] } },
	properties,
);

interface SearchPage {
	search_results?: IDataObject[];
	count?: number;
	scroll?: string;
}

type SearchCall = (fields: IDataObject) => Promise<SearchPage>;

/** Up to 999 results by offset, 50 a call, stopping at a short page or the limit. */
async function byOffset(
	search: SearchCall,
	limit: number,
	progress: ScrollProgress,
): Promise<IDataObject[]> {
	return await collectOffsetPages(
		async (offset, size) => {
			const page = await search({ offset, limit: size });
			if (typeof page.count === 'number') progress.count = page.count;
			return { records: page.search_results ?? [] };
		},
		// offset + limit must stay below the window.
		{ limit: Math.min(limit, OFFSET_WINDOW - 1), maxPageSize: PAGE_SIZE },
	);
}

/** Results gathered by all bins so far, so every bin stops once the limit or the vendor's count is met. */
interface ScrollProgress {
	collected: number;
	limit?: number;
	/** How many results the search has in all (Docket Alarm's `count`): no bin asks past it. */
	count?: number;
}

/** One scroll bin: the first call names the bin, later calls pass back the newest scroll token. */
async function scrollBin(
	search: SearchCall,
	bins: number,
	index: number,
	progress: ScrollProgress,
): Promise<IDataObject[]> {
	const wanted = () =>
		(progress.limit === undefined || progress.collected < progress.limit) &&
		(progress.count === undefined || progress.collected < progress.count);
	return await collectCursorPages(async (scroll) => {
		const page = await search(
			scroll === undefined
				? { limit: PAGE_SIZE, scroll_parallel: bins, scroll_index: index }
				: { limit: PAGE_SIZE, scroll },
		);
		const records = page.search_results ?? [];
		progress.collected += records.length;
		if (typeof page.count === 'number') progress.count = page.count;
		return { records, next: wanted() ? page.scroll : undefined };
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = requireText(this, this.getNodeParameter('query', itemIndex), 'Query', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const clientMatter = clientMatterParameter(this, itemIndex, 'options');
	const limit = limitParameter(this, itemIndex);
	const base: IDataObject = { q: query };
	if (options.sort) base.o = options.sort;
	const search: SearchCall = async (fields) =>
		await apiRequest<SearchPage>(this, 'GET', 'search/', {
			fields: { ...base, ...fields },
			clientMatter: clientMatter ?? false,
			itemIndex,
		});

	let results: IDataObject[];
	const progress: ScrollProgress = { collected: 0, limit };
	if (limit !== undefined && limit < OFFSET_WINDOW) {
		results = await byOffset(search, limit, progress);
	} else {
		let bins = Number(options.parallelBins ?? 1);
		if (bins === 0) {
			const { count = 0 } = await search({ limit: 1, offset: 0 });
			bins = Math.min(MAX_BINS, Math.max(1, Math.ceil(count / RESULTS_PER_BIN)));
		}
		const perBin = await Promise.all(
			Array.from(
				{ length: bins },
				async (_, index) => await scrollBin(search, bins, index, progress),
			),
		);
		results = perBin.flat();
	}
	const kept = withIsoDates(limit === undefined ? results : results.slice(0, limit));
	// How many results the search has in all, beside each result (the items are the results).
	return options.includeCount && progress.count !== undefined
		? kept.map((result) => ({ ...result, search_count: progress.count }))
		: kept;
}
