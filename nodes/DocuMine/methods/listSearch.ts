import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { FIELDS, LIST_KEYS, PATHS } from '../api';
import { apiList } from '../transport';

function matching(
	records: IDataObject[],
	filter: string | undefined,
	label: (record: IDataObject) => string,
): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: records
			.map((record) => ({ name: label(record), value: String(record.id) }))
			.filter((result) => !needle || result.name.toLowerCase().includes(needle)),
	};
}

/** Active templates first; others show their status. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const templates = await apiList(this, PATHS.dossierTemplates(), {
		recordsKey: LIST_KEYS.dossierTemplates,
	});
	const sorted = [...templates].sort(
		(a, b) => Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE'),
	);
	return matching(
		sorted,
		filter,
		(template) =>
			`${String(template.name ?? template.id)}${template.status && template.status !== 'ACTIVE' ? ` (${String(template.status)})` : ''}`,
	);
}

/** The dossiers of the template chosen in the Dossier Template field. */
export async function searchDossiers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const templateId = this.getCurrentNodeParameter('templateId', { extractValue: true });
	if (typeof templateId !== 'string' || !templateId) return { results: [] };
	return matching(
		await apiList(this, PATHS.dossiers(templateId), { recordsKey: LIST_KEYS.dossiers }),
		filter,
		(dossier) => String(dossier.name ?? dossier.id),
	);
}

/** The files of the dossier chosen in the Dossier field (of the template chosen above it). */
export async function searchFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const templateId = this.getCurrentNodeParameter('templateId', { extractValue: true });
	const dossierId = this.getCurrentNodeParameter('dossierId', { extractValue: true });
	if (typeof templateId !== 'string' || !templateId || typeof dossierId !== 'string' || !dossierId)
		return { results: [] };
	const files = await apiList(this, PATHS.files(templateId, dossierId), {
		recordsKey: LIST_KEYS.files,
	});
	return matching(
		files,
		filter,
		(file) =>
			`${String(file.filename ?? file.fileName ?? file.name ?? file.id)}${file[FIELDS.fileProcessingStatus] ? ` (${String(file[FIELDS.fileProcessingStatus])})` : ''}`,
	);
}

/** The workspace's result packages (downloads), newest first where DocuMine gives a date. */
export async function searchResultPackages(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const packages = await apiList(this, PATHS.downloads(), { recordsKey: LIST_KEYS.downloads });
	const sorted = [...packages].sort((a, b) =>
		String(b.creationDate ?? b.createdAt ?? '').localeCompare(
			String(a.creationDate ?? a.createdAt ?? ''),
		),
	);
	return matching(
		sorted,
		filter,
		(download) =>
			`${String(download.filename ?? download.name ?? download.id)}${download[FIELDS.downloadStatus] ? ` (${String(download[FIELDS.downloadStatus])})` : ''}`,
	);
}
