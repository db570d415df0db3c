/**
 * The example workflows in examples/, as a user imports them: only what a user must fill in is
 * replaced (file folders, the chat webhook) and each gets a fixed workflow ID. Used by the examples
 * e2e suite and by the `npm start` sandbox.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const examplesDir = path.resolve(__dirname, '..', '..', '..', 'examples');

/** The folder the examples read and write files in, as they ship. */
export const EXAMPLE_FILES_FOLDER = '/home/node/.n8n-files';
/** The chat webhook the examples post to, as they ship. */
export const EXAMPLE_CHAT_WEBHOOK = 'https://hooks.example.com/replace-with-your-chat-webhook';

export interface ExampleNode {
	name: string;
	webhookId?: string;
	parameters: Record<string, unknown>;
}

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: ExampleNode[];
}

/** An example as a user imports it, with the placeholders a user fills in replaced. */
export function exampleWorkflow(
	file: string,
	id: string,
	replacements: Record<string, string>,
): ExampleWorkflow {
	let text = readFileSync(path.join(examplesDir, file), 'utf8');
	for (const [placeholder, value] of Object.entries(replacements))
		text = text.split(placeholder).join(value);
	return { ...(JSON.parse(text) as Omit<ExampleWorkflow, 'id'>), id };
}

/** The four examples with their IDs, given where files go and where the chat messages go. */
export function allExamples(
	filesFolder: string,
	sinks: { docketAlarm: string; docJuris: string },
): Record<'filing' | 'intake' | 'redline' | 'studies', ExampleWorkflow> {
	const folders = { [EXAMPLE_FILES_FOLDER]: filesFolder };
	return {
		filing: exampleWorkflow('docket-alarm-new-filing-to-storage.json', 'exDocketAlarm001', {
			...folders,
			[EXAMPLE_CHAT_WEBHOOK]: sinks.docketAlarm,
		}),
		intake: exampleWorkflow(
			'docketwise-intake-to-contact-and-matter.json',
			'exDocketwise0001',
			folders,
		),
		redline: exampleWorkflow('docjuris-turn-completed-redline-notify.json', 'exDocJuris000001', {
			[EXAMPLE_CHAT_WEBHOOK]: sinks.docJuris,
		}),
		studies: exampleWorkflow('documine-studies-to-spreadsheet.json', 'exDocuMine000001', folders),
	};
}

/** The sub-folders the examples read from and write to. */
export const EXAMPLE_SUBFOLDERS = ['filings', 'inbox', 'reports'];
