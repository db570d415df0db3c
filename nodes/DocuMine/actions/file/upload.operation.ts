import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { binaryUploadFile, multipartBody } from '../../../shared/binary';
import { inputBinaryField } from '../../../shared/descriptions';
import { FIELDS, FILE_DONE, FILE_FAILED, outcomeOf, PATHS } from '../../api';
import { docuMineRequest, waitUntilFinished } from '../../transport';
import { dossierLocator, dossierPath, templateLocator, waitFields, waitSettings } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['upload'] } }, [
	templateLocator,
	dossierLocator,
	inputBinaryField,
	{
		displayName: 'Keep Manual Changes',
		name: 'keepManualChanges',
		type: 'boolean',
		default: false,
		description: 'Whether to keep the manual changes made to an earlier version when a file with the same name is replaced',
	},
	{
		displayName: 'Wait for Processing',
		name: 'waitForProcessing',
		type: 'boolean',
		default: false,
		description: 'Whether to wait until DocuMine has finished processing the file and output its final status',
	},
	...waitFields({ waitForProcessing: [true] }, 'file’s processing'),
]);

/** Reads a file's record (its status included). */
export async function readFile(ctx: IExecuteFunctions, templateId: string, dossierId: string, fileId: string, itemIndex: number): Promise<IDataObject> {
	return await docuMineRequest(ctx, 'GET', PATHS.file(templateId, dossierId, fileId), { itemIndex });
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	const file = await binaryUploadFile(this, itemIndex, this.getNodeParameter('binaryPropertyName', itemIndex) as string);
	const qs = this.getNodeParameter('keepManualChanges', itemIndex, false) ? { [FIELDS.keepManualChanges]: true } : undefined;
	// The body can be rebuilt, so an upload refused for an expired token is sent again in full.
	const uploaded = await docuMineRequest<IDataObject>(this, 'POST', PATHS.files(templateId, dossierId), {
		body: () => multipartBody({}, FIELDS.uploadPart, file),
		qs,
		itemIndex,
	});
	if (!this.getNodeParameter('waitForProcessing', itemIndex, false)) return uploaded;
	const fileId = String(uploaded.id ?? uploaded.fileId ?? '');
	if (!fileId) throw new NodeOperationError(this.getNode(), `DocuMine returned no file ID for ${file.fileName} [item ${itemIndex}]`, { itemIndex });
	const finished = await waitUntilFinished(
		this,
		[fileId],
		async (id) => await readFile(this, templateId, dossierId, id, itemIndex),
		(record) => record[FIELDS.fileProcessingStatus],
		(status) => outcomeOf(status, FILE_DONE, FILE_FAILED),
		`the processing of ${file.fileName}`,
		waitSettings(this, itemIndex),
	);
	const record = finished.get(fileId)!;
	if (outcomeOf(record[FIELDS.fileProcessingStatus], FILE_DONE, FILE_FAILED) === 'failed') {
		throw new NodeOperationError(this.getNode(), `DocuMine could not process ${file.fileName}: status ${String(record[FIELDS.fileProcessingStatus])} [item ${itemIndex}]`, {
			itemIndex,
			description: 'Check the file in DocuMine (format, licence for Office files, reprocessing).',
		});
	}
	return record;
}
