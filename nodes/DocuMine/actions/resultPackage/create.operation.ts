import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/descriptions';
import { FIELDS, outcomeOf, PACKAGE_FAILED, PACKAGE_READY, PATHS } from '../../api';
import { apiRequest, downloadIdOf, downloadPackage } from '../../transport';
import { waitUntilFinished } from '../../waits';
import {
	dossierLocator,
	dossierPath,
	fileIdField,
	fileIdParameter,
	templateLocator,
	waitFields,
	waitSettings,
} from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['resultPackage'], operation: ['create'] } },
	[
		templateLocator,
		dossierLocator,
		{
			displayName: 'For',
			name: 'scope',
			type: 'options',
			default: 'dossier',
			options: [
				{ name: 'All Files in the Dossier', value: 'dossier' },
				{ name: 'One File', value: 'file' },
				{ name: 'Several Files', value: 'files' },
			],
		},
		{ ...fileIdField, displayOptions: { show: { scope: ['file'] } } },
		{
			displayName: 'File IDs',
			name: 'fileIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'id1, id2',
			displayOptions: { show: { scope: ['files'] } },
			description: 'Comma-separated',
		},
		{
			displayName: 'Report Template IDs',
			name: 'reportTemplateIds',
			type: 'string',
			default: '',
			description: 'Comma-separated; empty uses the dossier’s download-package settings',
		},
		{
			displayName: 'Wait Until Ready and Download',
			name: 'waitAndDownload',
			type: 'boolean',
			default: false,
			description:
				'Whether to wait for the package, download it as binary and then delete it from DocuMine, all in this step',
		},
		...waitFields({ waitAndDownload: [true] }, 'package'),
		{ ...outputBinaryField, displayOptions: { show: { waitAndDownload: [true] } } },
	],
);

const list = (value: string) =>
	value
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { templateId, dossierId } = dossierPath(this, itemIndex);
	const scope = this.getNodeParameter('scope', itemIndex, 'dossier') as string;
	const body: IDataObject = {};
	const reports = list(String(this.getNodeParameter('reportTemplateIds', itemIndex, '')));
	if (reports.length) body[FIELDS.reportTemplateIds] = reports;
	let path = PATHS.dossierDownload(templateId, dossierId);
	if (scope === 'file')
		path = PATHS.fileDownload(templateId, dossierId, fileIdParameter(this, itemIndex));
	if (scope === 'files') {
		const ids = list(String(this.getNodeParameter('fileIds', itemIndex, '')));
		if (!ids.length)
			throw new NodeOperationError(this.getNode(), `File IDs is empty [item ${itemIndex}]`, {
				itemIndex,
			});
		body[FIELDS.fileIds] = ids;
		path = PATHS.filesDownload(templateId, dossierId);
	}
	const created = await apiRequest<IDataObject>(this, 'POST', path, {
		body,
		itemIndex,
		label: `POST ${scope} create-download`,
	});
	const downloadId = downloadIdOf(created);
	if (!this.getNodeParameter('waitAndDownload', itemIndex, false))
		return [{ json: { ...created, downloadId } }];
	if (!downloadId)
		throw new NodeOperationError(
			this.getNode(),
			`DocuMine returned no package ID [item ${itemIndex}]`,
			{ itemIndex },
		);

	const finished = await waitUntilFinished(
		this,
		[downloadId],
		async (id) => await apiRequest<IDataObject>(this, 'GET', PATHS.download(id), { itemIndex }),
		(record) => record[FIELDS.downloadStatus],
		(status) => outcomeOf(status, PACKAGE_READY, PACKAGE_FAILED),
		'the result package',
		waitSettings(this, itemIndex),
	);
	const record = finished.get(downloadId)!;
	if (outcomeOf(record[FIELDS.downloadStatus], PACKAGE_READY, PACKAGE_FAILED) === 'failed') {
		throw new NodeOperationError(
			this.getNode(),
			`DocuMine could not build the result package: status ${String(record[FIELDS.downloadStatus])} [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	const item = await downloadPackage(
		this,
		downloadId,
		this.getNodeParameter('binaryPropertyName', itemIndex) as string,
		itemIndex,
	);
	await apiRequest(this, 'DELETE', PATHS.download(downloadId), { itemIndex });
	item.json = { ...record, ...item.json, deletedFromDocuMine: true };
	return [item];
}
