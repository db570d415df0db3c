import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { collectNumberedPages } from '../../../shared/paging';
import { limitParameter } from '../../../shared/parameters';
import { toDocketAlarmDate, withIsoDates } from '../../helpers/dates';
import { CASE_TYPES, COURT_REGIONS, NATURES_OF_SUIT } from '../../helpers/reference';
import { clientMatterParameter, failValidation } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { clientMatterOption } from '../common.descriptions';

const PAGE_SIZE = 50;
const BANKRUPTCY = 'Bankruptcy';
const MDL = 'Multi-District Litigation';

const properties: INodeProperties[] = [
	{
		displayName: 'Searching PACER costs $0.10 per page of 50 results, passed on by Docket Alarm',
		name: 'pacerFeeNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Party Name',
		name: 'partyName',
		type: 'string',
		default: '',
		placeholder: 'Sony',
		description: 'Name of a party to the case',
	},
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Case Type',
				name: 'caseType',
				type: 'options',
				default: '',
				options: [
					{ name: 'All', value: '' },
					...CASE_TYPES.map((type) => ({ name: type, value: type })),
				],
			},
			{
				displayName: 'Court Region',
				name: 'courtRegion',
				type: 'options',
				default: 'All Regions',
				options: COURT_REGIONS.map((region) => ({ name: region, value: region })),
			},
			{ displayName: 'Date Filed From', name: 'dateFiledStart', type: 'dateTime', default: '' },
			{ displayName: 'Date Filed To', name: 'dateFiledEnd', type: 'dateTime', default: '' },
			{
				displayName: 'Date Terminated From',
				name: 'dateTerminatedStart',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Date Terminated To',
				name: 'dateTerminatedEnd',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Docket Number',
				name: 'docketNumber',
				type: 'string',
				default: '',
				placeholder: '1:13-cv-22843',
				description: 'Use only when you know the docket number but not the court',
			},
			{
				displayName: 'MDL ID',
				name: 'mdlId',
				type: 'string',
				default: '',
				description: 'Multi-District Litigation ID. Needs Case Type "Multi-District Litigation".',
			},
			{
				displayName: 'Nature of Suit',
				name: 'natureOfSuit',
				type: 'multiOptions',
				default: [],
				options: NATURES_OF_SUIT.map(({ code, name }) => ({
					name: `${code} ${name}`,
					value: code,
				})),
			},
			{
				displayName: 'SSN Last Four',
				name: 'ssn4',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Last four digits of a party’s social security number. Needs Case Type "Bankruptcy" and a Party Name.',
			},
			{
				displayName: 'SSN or Tax ID',
				name: 'ssnTid',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Nine-digit social security or federal tax ID of a party. Needs Case Type "Bankruptcy".',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			clientMatterOption,
			{
				displayName: 'Page',
				name: 'page',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'Start from this page of 50 results. Docket Alarm serves a later page only after the same search ran once.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['search'], operation: ['searchPacer'] } },
	properties,
);

const NATURE_CODES = new Set(NATURES_OF_SUIT.map(({ code }) => code));

/** The searchpacer/ parameters, with every documented precondition checked before any fee is incurred. */
export function pacerSearchFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const partyName = String(ctx.getNodeParameter('partyName', itemIndex, '')).trim();
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const caseType = String(filters.caseType ?? '');
	const fields: IDataObject = {};
	if (partyName) fields.party_name = partyName;
	if (caseType) {
		if (!CASE_TYPES.includes(caseType))
			failValidation(
				ctx,
				`Case Type "${caseType}" is not one Docket Alarm knows`,
				itemIndex,
				`Use one of: ${CASE_TYPES.join(', ')}.`,
			);
		fields.case_type = caseType;
	}
	const region = String(filters.courtRegion ?? '');
	if (region && region !== 'All Regions') {
		if (!COURT_REGIONS.includes(region)) {
			failValidation(
				ctx,
				`Court Region "${region}" is not a Docket Alarm region`,
				itemIndex,
				'Pick a region from the list (Appendix A of the Docket Alarm API guide), e.g. "California Northern".',
			);
		}
		fields.court_region = region;
	}
	const natures = (filters.natureOfSuit as string[] | undefined) ?? [];
	for (const code of natures) {
		if (!NATURE_CODES.has(String(code)))
			failValidation(
				ctx,
				`Nature of Suit "${code}" is not a known code`,
				itemIndex,
				'Pick codes from the list, e.g. 830 (Patent).',
			);
	}
	if (natures.length) fields.nature_of_suit = natures.map(String);
	const dates: Array<[string, string, string]> = [
		['dateFiledStart', 'date_filed_start', 'Date Filed From'],
		['dateFiledEnd', 'date_filed_end', 'Date Filed To'],
		['dateTerminatedStart', 'date_terminated_start', 'Date Terminated From'],
		['dateTerminatedEnd', 'date_terminated_end', 'Date Terminated To'],
	];
	for (const [parameter, field, label] of dates) {
		const date = toDocketAlarmDate(ctx, filters[parameter], label, itemIndex);
		if (date) fields[field] = date;
	}
	const docketNumber = String(filters.docketNumber ?? '').trim();
	if (docketNumber) fields.docket_num = docketNumber;
	const mdlId = String(filters.mdlId ?? '').trim();
	if (mdlId) {
		if (caseType !== MDL)
			failValidation(ctx, 'MDL ID needs Case Type "Multi-District Litigation"', itemIndex);
		fields.mdl_id = mdlId;
	}
	const ssnTid = String(filters.ssnTid ?? '').replace(/[\s-]/g, '');
	if (ssnTid) {
		if (!/^\d{9}$/.test(ssnTid))
			failValidation(ctx, 'SSN or Tax ID must be nine digits', itemIndex);
		if (caseType !== BANKRUPTCY)
			failValidation(ctx, 'SSN or Tax ID needs Case Type "Bankruptcy"', itemIndex);
		fields.ssn_tid = ssnTid;
	}
	const ssn4 = String(filters.ssn4 ?? '').trim();
	if (ssn4) {
		if (!/^\d{4}$/.test(ssn4)) failValidation(ctx, 'SSN Last Four must be four digits', itemIndex);
		if (caseType !== BANKRUPTCY || !partyName)
			failValidation(ctx, 'SSN Last Four needs Case Type "Bankruptcy" and a Party Name', itemIndex);
		fields.ssn4 = ssn4;
	}
	if (!Object.keys(fields).some((key) => key !== 'case_type')) {
		failValidation(
			ctx,
			'Give at least one search criterion',
			itemIndex,
			'Each page of PACER results costs money, so an unbounded search is refused. Add a party name, a date range, a docket number, a region or a nature of suit.',
		);
	}
	return fields;
}

interface PacerPage {
	search_results?: IDataObject[];
	page_max?: number;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = pacerSearchFields(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const clientMatter = clientMatterParameter(this, itemIndex, 'options');
	const limit = limitParameter(this, itemIndex);
	const firstPage = Number(options.page ?? 1) || 1;
	const results = await collectNumberedPages(
		async (read) => {
			const page = firstPage + read - 1;
			const response = await apiRequest<PacerPage>(this, 'GET', 'searchpacer/', {
				fields: { ...fields, page },
				clientMatter: clientMatter ?? '',
				itemIndex,
			});
			// page_max is under-reported on page 1, so it is trusted only from page 2 on.
			const last = page >= 2 && typeof response.page_max === 'number' && page >= response.page_max;
			return { records: response.search_results ?? [], nextPage: last ? null : undefined };
		},
		{ limit, pageSize: PAGE_SIZE },
	);
	return withIsoDates(results);
}
