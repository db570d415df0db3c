/**
 * How much an AI agent's model is sent when it calls our tools: each vendor's main reads on n8n's
 * engine, once as the plain node answers (what a tool answered before the tool defaults) and once
 * as the `…Tool` variant answers by default, for records of a realistic size. The sizes are written
 * to build/tool-results.md, and to the file named by TOOL_RESULTS_FILE (`npm run bench:tools`
 * writes bench/tool-results.md). Tokens are estimated as characters / 4, the usual rule of thumb
 * for English and JSON with OpenAI's tokenizers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import nock from 'nock';

import { locator, type EngineRun } from '../../helpers/engine';
import { envelope } from '../../helpers/nockRequests';
import { BASE as DA_BASE, courtByName, loggedIn, runDocketAlarm } from '../docketalarm/harness';
import { BASE as DJ_BASE, CONTRACT_ID, runDocJuris, TURN_1 } from '../docjuris/harness';
import { API as DW_API, contact, pagedList, runDocketwise } from '../docketwise/harness';
import { FILES, runDocuMine, URL_ as DM_URL, where } from '../documine/harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

/** What the model receives: n8n sends the items' JSON as one JSON text. */
const sent = (run: EngineRun) => JSON.stringify(run.output.map((item) => item.json));

interface Row {
	tool: string;
	record: string;
	before: number;
	after: number;
}
const rows: Row[] = [];

/** Runs a read as the plain node and as the tool, each against the same answer, and records both. */
async function measure(
	tool: string,
	record: string,
	serve: () => void,
	run: (asTool: boolean) => Promise<EngineRun>,
): Promise<Row> {
	serve();
	const before = sent(await run(false)).length;
	serve();
	const after = sent(await run(true)).length;
	const row = { tool, record, before, after };
	rows.push(row);
	return row;
}

// A mid-size federal case: 180 entries of docket text with links, exhibits on every fifth, and
// eight parties with their counsel.
const words =
	'MOTION for Summary Judgment by Acme Corp. with supporting memorandum of law and exhibits';
const bigDocket = {
	success: true,
	info: {
		title: 'Acme Corp. v. Globex Inc.',
		date_filed: '3/14/2022',
		judge: 'Judge Ada Lovelace',
		magistrate: 'Magistrate Judge Grace Hopper',
		nature_of_suit: '830 Patent',
		cause: '35:271 Patent Infringement',
		type: 'Civil',
		division: 'Marshall',
		demand: '$0',
		flags: ['JURY', 'PATENT'],
		link: `${DA_BASE}/cases/Texas_Eastern_District_Court/2--22-cv-00077/Acme_v_Globex/`,
	},
	docket_report: Array.from({ length: 180 }, (_, index) => ({
		number: index + 1,
		date: `${(index % 12) + 1}/${(index % 27) + 1}/${2022 + Math.floor(index / 60)}`,
		entry_date: `${(index % 12) + 1}/${(index % 27) + 1}/${2022 + Math.floor(index / 60)}`,
		contents: `<p>${index + 1} ${words}. ${words.toLowerCase()} (Attachments: # 1 Exhibit A, # 2 Exhibit B) (Doe, Jane) (Entered: ${index + 1}/1/2023)</p>`,
		link: `${DA_BASE}/cases/Texas_Eastern_District_Court/2--22-cv-00077/Acme_v_Globex/docs/${index + 1}.pdf`,
		link_viewer: `${DA_BASE}/cases/Texas_Eastern_District_Court/2--22-cv-00077/Acme_v_Globex/docs/${index + 1}`,
		exhibits:
			index % 5 === 0
				? [1, 2, 3].map((exhibit) => ({
						exhibit: String(exhibit),
						link: `${DA_BASE}/cases/Texas_Eastern_District_Court/2--22-cv-00077/Acme_v_Globex/docs/${index + 1}/${exhibit}.pdf`,
						link_viewer: `${DA_BASE}/cases/Texas_Eastern_District_Court/2--22-cv-00077/Acme_v_Globex/docs/${index + 1}/${exhibit}`,
					}))
				: [],
	})),
	parties: Array.from({ length: 8 }, (_, index) => ({
		name: `Party ${index + 1} LLC`,
		type: index % 2 ? 'Defendant' : 'Plaintiff',
		counsel: [1, 2].map((lawyer) => ({
			name: `Counsel ${index}-${lawyer}`,
			firm: 'Firm & Partners LLP',
			email: `counsel${index}${lawyer}@firm.example`,
			phone: '(555) 555-0100',
			address: ['1 Main Street', 'Suite 500', 'Marshall, TX 75670'],
		})),
	})),
};

const bigContract = {
	id: CONTRACT_ID,
	name: 'Master Services Agreement – Globex',
	description: 'MSA for the 2027 services programme',
	lastModified: '2026-11-20T10:00:00Z',
	counterParty: { id: 12, name: 'Globex Inc.' },
	type: { id: 3, name: 'MSA', description: 'Master services agreements' },
	turns: Array.from({ length: 12 }, (_, index) => ({
		id: `${String(index).padStart(8, '0')}-23b6-4df7-94a7-26f95c41f256`,
		changeCount: index * 3,
		isComplete: index < 11,
		lastModified: `2026-11-${String(index + 1).padStart(2, '0')}T10:00:00Z`,
		source: index % 2 ? 'Outside counsel' : '',
	})),
	latestTurnId: '00000011-23b6-4df7-94a7-26f95c41f256',
	extendedData: {
		namedValues: ['matter', 'owner', 'region', 'value', 'term', 'renewal'].map((name) => ({
			name,
			value: `${name} value`,
		})),
	},
	urls: {
		app: `https://app.docjuris.com/contracts/${CONTRACT_ID}`,
		api: `${DJ_BASE}/v1/contracts/${CONTRACT_ID}`,
		document: `${DJ_BASE}/v1/contracts/${CONTRACT_ID}/document`,
	},
};

// A study report's extraction: 40 named components, some with several values.
const bigComponents = {
	components: Array.from({ length: 40 }, (_, index) => ({
		name: `Component ${index + 1}`,
		values: Array.from({ length: (index % 3) + 1 }, (__, value) => ({
			value: `Value ${value + 1} of component ${index + 1}`,
		})),
	})),
};

describe('Tool results: what the model is sent, before and after the tool defaults', () => {
	afterAll(() => {
		const estimate = (chars: number) => Math.round(chars / 4);
		const table = [
			'# Tool results: what an AI agent’s model is sent',
			'',
			'Each vendor’s main reads on n8n’s engine (test/unit/bench/toolResults.test.ts), for records of a',
			'realistic size: **before** is what the node answers as it is (what its tool variant sent the model',
			'before the tool defaults), **after** is what the `…Tool` variant answers by default. Tokens are',
			'estimated as characters / 4.',
			'',
			'| tool (operation) | record | before: chars (≈ tokens) | after: chars (≈ tokens) | after / before |',
			'|---|---|---:|---:|---:|',
			...rows.map(
				(row) =>
					`| ${row.tool} | ${row.record} | ${row.before.toLocaleString('en-US')} (${estimate(row.before).toLocaleString('en-US')}) | ${row.after.toLocaleString('en-US')} (${estimate(row.after).toLocaleString('en-US')}) | ${(row.after / row.before).toFixed(2)} |`,
			),
			'',
			'Downloads (Docket Alarm Download Document, Docketwise Download Document, DocJuris contract and',
			'turn documents, DocuMine result packages and XML exports) put the file in binary, which n8n never',
			'sends a model: their JSON names the file produced (`fileName`, `mimeType`, `fileSize`), so the',
			'model learns what it got. A failed tool call answers the model with the error message.',
			'',
		].join('\n');
		const targets = [path.resolve(__dirname, '../../../build/tool-results.md')];
		if (process.env.TOOL_RESULTS_FILE) targets.push(path.resolve(process.env.TOOL_RESULTS_FILE));
		for (const target of targets) {
			mkdirSync(path.dirname(target), { recursive: true });
			writeFileSync(target, table);
		}
	});

	it('Docket Alarm Get Docket: the case summary is a small fraction of the whole docket', async () => {
		const row = await measure(
			'Docket Alarm: Get Docket',
			'180 entries, 8 parties with counsel',
			() => nock(DA_BASE).get('/api/v1/getdocket/').query(true).reply(200, bigDocket),
			async (asTool) =>
				await runDocketAlarm(
					{
						resource: 'docket',
						operation: 'get',
						court: courtByName('Texas Eastern District Court'),
						docket: '2:22-cv-00077',
					},
					{ ...loggedIn(), asTool },
				),
		);
		expect(row.after).toBeLessThan(row.before / 10);
	});

	it('Docket Alarm Search: results are already compact and stay as they are', async () => {
		const results = Array.from({ length: 5 }, (_, index) => ({
			court: 'Texas Eastern District Court',
			docket: `2:22-cv-0007${index}`,
			title: `Acme Corp. v. Party ${index}`,
			date_filed: '3/14/2022',
			link: `${DA_BASE}/cases/x/${index}`,
		}));
		const row = await measure(
			'Docket Alarm: Search',
			'5 results',
			() =>
				nock(DA_BASE)
					.get('/api/v1/search/')
					.query(true)
					.reply(200, { success: true, page_max: 1, search_results: results }),
			async (asTool) =>
				await runDocketAlarm(
					{ resource: 'search', operation: 'search', query: 'Acme', limit: 5 },
					{ ...loggedIn(), asTool },
				),
		);
		expect(row.after).toBe(row.before);
	});

	it('DocJuris Get Contract and Get Turn: simplified for the model', async () => {
		const contractRow = await measure(
			'DocJuris: Get Contract',
			'12 turns, 6 named values',
			() => nock(DJ_BASE).get(`/v1/contracts/${CONTRACT_ID}`).reply(200, envelope(bigContract)),
			async (asTool) =>
				await runDocJuris(
					{ resource: 'contract', operation: 'get', contractId: locator(CONTRACT_ID) },
					{ asTool },
				),
		);
		expect(contractRow.after).toBeLessThan(contractRow.before);
		const turn = {
			id: TURN_1,
			lastModified: '2026-11-20T10:00:00Z',
			source: 'Outside counsel',
			description: 'Redline from Globex',
			importedFileName: 'MSA v7 (Globex comments).docx',
			isComplete: false,
			isLatest: true,
			type: bigContract.type,
			counterParty: bigContract.counterParty,
			extendedData: bigContract.extendedData,
			tags: ['priority'],
			urls: {
				app: `https://app.docjuris.com/contracts/${CONTRACT_ID}/turns/${TURN_1}`,
				api: `${DJ_BASE}/v1/contracts/${CONTRACT_ID}/turns/${TURN_1}`,
				document: `${DJ_BASE}/v1/contracts/${CONTRACT_ID}/turns/${TURN_1}/document`,
			},
		};
		const turnRow = await measure(
			'DocJuris: Get Turn',
			'one turn with named values and links',
			() =>
				nock(DJ_BASE)
					.get(`/v1/contracts/${CONTRACT_ID}/turns/${TURN_1}`)
					.reply(200, envelope(turn)),
			async (asTool) =>
				await runDocJuris(
					{
						resource: 'turn',
						operation: 'get',
						contractId: locator(CONTRACT_ID),
						turnSelection: 'specific',
						turnId: locator(TURN_1),
					},
					{ asTool },
				),
		);
		expect(turnRow.after).toBeLessThan(turnRow.before);
	});

	it('DocuMine Get Components: flattened to name → value for the model', async () => {
		const row = await measure(
			'DocuMine: Get Components',
			'40 components',
			() => nock(DM_URL).get(`${FILES}/F-1/components`).reply(200, bigComponents),
			async (asTool) =>
				await runDocuMine(
					{ resource: 'component', operation: 'get', ...where, fileId: 'F-1' },
					{ asTool },
				),
		);
		expect(row.after).toBeLessThan(row.before * 0.7);
	});

	it('Docketwise Get Many Contacts: simplified for both the node and the tool (the node’s default already)', async () => {
		const contacts = Array.from({ length: 20 }, (_, index) =>
			contact(index + 1, {
				phone_numbers: [{ id: index, number: '5125550199', daytime: true }],
				addresses: [{ street: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' }],
			}),
		);
		const row = await measure(
			'Docketwise: Get Many Contacts',
			'20 contacts (raw vs the default Simplify)',
			() => {
				nock(DW_API).get('/contacts').query(true).reply(pagedList(contacts).reply);
			},
			async (asTool) =>
				await runDocketwise(
					{ resource: 'contact', operation: 'getAll', limit: 20, simplify: asTool },
					{ asTool },
				),
		);
		expect(row.after).toBeLessThan(row.before);
	});
});
