import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { directSearchCourts } from '../helpers/directSearch';
import { federalDistrictCourts } from '../helpers/reference';

/** Courts to pick from: federal districts plus every state and agency court Docket Alarm searches directly. */
export async function searchCourts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const courts = [
		...new Set([...federalDistrictCourts(), ...(await directSearchCourts(this))]),
	].sort((a, b) => a.localeCompare(b));
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: courts
			.filter((court) => !needle || court.toLowerCase().includes(needle))
			.map((court) => ({ name: court, value: court })),
	};
}
