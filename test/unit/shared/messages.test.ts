/**
 * How messages read. Every message template in the shipped sources (error messages, descriptions,
 * hints: the string and template literals of nodes/ and credentials/) is checked for the slips a
 * joined-up sentence makes: a word twice in a row ("the the"), a doubled full stop, a space before
 * punctuation. And the messages built from a vendor's own words at run time are checked where two
 * pieces meet: the vendor named once, one full stop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import ts from 'typescript';

import { tidySentence } from '../../../nodes/shared/errors';
import { capture } from '../../helpers/nockRequests';
import { BASE, credential, runDocketAlarm } from '../docketalarm/harness';
import { credentials as docJurisCredentials, runDocJuris } from '../docjuris/harness';
import { runDocuMine } from '../documine/harness';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const root = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

/** The text of every string and template literal in a file (a template's `${…}` parts as "X"). */
function literals(file: string): string[] {
	const source = ts.createSourceFile(
		file,
		readFileSync(file, 'utf8'),
		ts.ScriptTarget.Latest,
		true,
	);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
		else if (ts.isTemplateExpression(node))
			found.push(
				node.head.text + node.templateSpans.map((span) => `X${span.literal.text}`).join(''),
			);
		// Regular expressions and their sources are code, not prose.
		if (!ts.isRegularExpressionLiteral(node)) ts.forEachChild(node, visit);
	};
	visit(source);
	// Prose only: a sentence of words with a space (keys, paths and expressions have none, or no letters).
	return found.filter((text) => /[A-Za-z]{2,} [A-Za-z]{2,}/.test(text) && !text.startsWith('={{'));
}

const SLIPS: Array<[string, RegExp]> = [
	['no word twice in a row', /\b([A-Za-z]{2,}) \1\b/i],
	['no doubled full stop', /(?<!\.)\.\.(?!\.|\/)/],
	['no space before punctuation', /\w [.,;:](\s|$)/],
];

describe('message templates', () => {
	const templates = [...sourceFiles('nodes'), ...sourceFiles('credentials')].flatMap((file) =>
		literals(file).map((text) => ({ file: path.relative(root, file), text })),
	);

	it('finds the templates it checks', () => {
		expect(templates.length).toBeGreaterThan(500);
	});

	it.each(SLIPS)('have %s', (_slip, pattern) => {
		expect(templates.filter(({ text }) => pattern.test(text))).toEqual([]);
	});
});

describe('messages joined from a vendor’s words', () => {
	it('smooths the seams: one full stop, no word twice, no space before punctuation', () => {
		expect(
			tidySentence('Docket Alarm refused the login: Invalid password.. Check the the username .'),
		).toBe('Docket Alarm refused the login: Invalid password. Check the username.');
		expect(tidySentence('Wait... then go')).toBe('Wait... then go');
	});

	it('names Docket Alarm once, with one full stop, when its login is refused', async () => {
		capture(nock(BASE).post('/api/v1/login/'), 200, {
			success: false,
			error: 'Invalid username or password.',
		});
		const error = await runDocketAlarm(
			{ resource: 'tracker', operation: 'getAll', returnAll: true },
			{ credentials: credential({ loginToken: '' }) },
		).catch((caught) => caught);
		expect(error.message).toBe(
			'Docket Alarm refused the login: Invalid username or password. Check the username and password, and that API access is enabled for the account. [item 0]',
		);
	});
});

describe('credential addresses', () => {
	it('says which address is wrong and how to fix it, instead of a bare ERR_INVALID_URL', async () => {
		const error = await runDocJuris(
			{ resource: 'contractType', operation: 'getAll', returnAll: true },
			{
				credentials: {
					docJurisApi: { ...docJurisCredentials.docJurisApi, baseUrl: 'api.docjuris.com/v1' },
				},
			},
		).catch((caught) => caught);
		expect(error.message).toBe(
			'The DocJuris credential\'s Base URL "api.docjuris.com/v1" is not a web address',
		);
		expect(error.description).toContain('starting with https://');
		expect(JSON.stringify(error)).not.toContain('ERR_INVALID_URL');
	});

	it('uses the usual address for an empty Base URL, and asks for a DocuMine URL that has none', async () => {
		const types = capture(
			nock('https://api.docjuris.com').get('/v1/contractTypes').query(true),
			200,
			{ meta: { code: 200 }, response: { totalCount: 0, contractTypes: [] } },
		);
		await runDocJuris(
			{ resource: 'contractType', operation: 'getAll', returnAll: true },
			{ credentials: { docJurisApi: { ...docJurisCredentials.docJurisApi, baseUrl: '' } } },
		);
		expect(types).toHaveLength(1);
		const error = await runDocuMine(
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{
				credentials: {
					docuMineApi: {
						url: ' ',
						workspaceId: 'w',
						clientId: 'c',
						username: 'u',
						password: 'p',
						accessToken: 't',
						sessionStartedAt: Date.now(),
					},
				},
			},
		).catch((caught) => caught);
		expect(error.message).toBe('The DocuMine credential has no DocuMine URL');
	});
});
