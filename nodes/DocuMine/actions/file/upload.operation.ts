import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { binaryUploadFile, multipartBody } from '../../../shared/binary';
import { inputBinaryField } from '../../../shared/descriptions';
import { FIELDS, FILE_DONE, FILE_FAILED, LIST_KEYS, outcomeOf, PATHS } from '../../api';
import type { ItemOutcome } from '../../../shared/itemLoop';
import { pollUntilDone, readEach } from '../../../shared/polling';
import { apiList, apiRequest } from '../../transport';
import { waitTimedOut } from '../../waits';
import {
	dossierLocator,
	dossierPath,
	templateLocator,
	waitFields,
	waitSettings,
} from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['upload'] } },
	[
		templateLocator,
		dossierLocator,
		inputBinaryField,
		{
			displayName: 'Keep Manual Changes',
			name: 'keepManualChanges',
			type: 'boolean',
			default: false,
			description:
				'Whether to keep the manual changes made to an earlier version when a file with the same name is replaced',
		},
		{
			displayName: 'Wait for Processing',
			name: 'waitForProcessing',
			type: 'boolean',
			default: false,
			description:
				'Whether to wait until DocuMine has finished processing the file and output its final status',
		},
		...waitFields({ waitForProcessing: [true] }, 'file’s processing'),
	],
);

/** Reads a file's record (its status included). */
export async function readFile(
	ctx: IExecuteFunctions,
	templateId: string,
	dossierId: string,
	fileId: string,
	itemIndex: number,
): Promise<IDataObject> {
	return await apiRequest(ctx, 'GET', PATHS.file(templateId, dossierId, fileId), { itemIndex });
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	const file = await binaryUploadFile(
		this,
		itemIndex,
		this.getNodeParameter('binaryPropertyName', itemIndex) as string,
	);
	const qs = this.getNodeParameter('keepManualChanges', itemIndex, false)
		? { [FIELDS.keepManualChanges]: true }
		: undefined;
	// The body can be rebuilt, so an upload refused for an expired token is sent again in full.
	const uploaded = await apiRequest<IDataObject>(this, 'POST', PATHS.files(templateId, dossierId), {
		body: () => multipartBody({}, FIELDS.uploadPart, file),
		qs,
		itemIndex,
	});
	if (this.getNodeParameter('waitForProcessing', itemIndex, false) && !uploadedFileId(uploaded)) {
		throw new NodeOperationError(
			this.getNode(),
			`DocuMine returned no file ID for ${file.fileName} [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	uploads.set(uploaded, { fileName: file.fileName, at: Date.now() });
	return uploaded;
}

// From this many files waiting in one dossier, a round reads the dossier's file list instead.
const LIST_READ_FROM = 5;

// Each upload's file name (for the wait's messages) and when DocuMine took it (its processing began
// then: the wait learns from it how long processing takes), kept beside the record, not in the output.
const uploads = new WeakMap<IDataObject, { fileName: string; at: number }>();

const uploadedFileId = (record: IDataObject) => String(record.id ?? record.fileId ?? '');

/**
 * With "Wait for Processing", every file is uploaded first and then all are waited for together:
 * DocuMine processes them side by side, so the run takes about as long as the slowest file. The
 * first waiting item's poll interval and timeout apply to the joint wait.
 */
export async function finish(this: IExecuteFunctions, outcomes: ItemOutcome[]): Promise<void> {
	const waiting = new Map<
		string,
		{ outcome: ItemOutcome; templateId: string; dossierId: string; fileName: string }
	>();
	const startedAt = new Map<string, number>();
	for (const outcome of outcomes) {
		const uploaded = outcome.result as IDataObject | undefined;
		if (!uploaded || !this.getNodeParameter('waitForProcessing', outcome.itemIndex, false))
			continue;
		const fileName = uploads.get(uploaded)?.fileName ?? uploadedFileId(uploaded);
		const at = uploads.get(uploaded)?.at;
		if (at !== undefined) startedAt.set(uploadedFileId(uploaded), at);
		waiting.set(uploadedFileId(uploaded), {
			outcome,
			...dossierPath(this, outcome.itemIndex),
			fileName,
		});
	}
	if (!waiting.size) return;
	const ids = [...waiting.keys()];
	const settings = waitSettings(this, waiting.get(ids[0])!.outcome.itemIndex);
	const statusOf = (record: IDataObject) => record[FIELDS.fileProcessingStatus];
	const readOne = readEach(async (id) => {
		const { templateId, dossierId, outcome } = waiting.get(id)!;
		return await readFile(this, templateId, dossierId, id, outcome.itemIndex);
	});
	// Many files waiting in one dossier: one read of its file list (statuses included) replaces a read per file.
	const readRound = async (open: string[]) => {
		const records = new Map<string, IDataObject | Error>();
		const byDossier = new Map<string, string[]>();
		for (const id of open) {
			const { templateId, dossierId } = waiting.get(id)!;
			const key = `${templateId}/${dossierId}`;
			if (!byDossier.has(key)) byDossier.set(key, []);
			byDossier.get(key)!.push(id);
		}
		const single: string[] = [];
		for (const ids of byDossier.values()) {
			if (ids.length < LIST_READ_FROM) {
				single.push(...ids);
				continue;
			}
			const { templateId, dossierId, outcome } = waiting.get(ids[0])!;
			try {
				const listed = new Map(
					(
						await apiList(this, PATHS.files(templateId, dossierId), {
							recordsKey: LIST_KEYS.files,
							itemIndex: outcome.itemIndex,
						})
					).map((file) => [String(file.id), file]),
				);
				for (const id of ids) {
					if (listed.has(id)) records.set(id, listed.get(id)!);
					else single.push(id);
				}
			} catch {
				single.push(...ids);
			}
		}
		for (const [id, read] of await readOne(single)) records.set(id, read);
		return records;
	};
	const states = await pollUntilDone(
		ids,
		readRound,
		(record) => outcomeOf(statusOf(record), FILE_DONE, FILE_FAILED) === 'running',
		{ ...settings, startedAt },
	);
	for (const [id, state] of states) {
		const { outcome, fileName } = waiting.get(id)!;
		const itemIndex = outcome.itemIndex;
		const status = String(statusOf(state.record ?? {}) ?? 'no status');
		if (state.error) outcome.error = state.error;
		else if (!state.done)
			outcome.error = waitTimedOut(this, `the processing of ${fileName}`, [`${id} (${status})`], {
				...settings,
				itemIndex,
			});
		else if (outcomeOf(status, FILE_DONE, FILE_FAILED) === 'failed') {
			outcome.error = new NodeOperationError(
				this.getNode(),
				`DocuMine could not process ${fileName}: status ${status} [item ${itemIndex}]`,
				{
					itemIndex,
					description:
						'Check the file in DocuMine (format, licence for Office files, reprocessing).',
				},
			);
		} else outcome.result = state.record;
	}
}
