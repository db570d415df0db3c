import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LIST_KEYS, PATHS } from '../api';
import { docuMineList } from '../transport';

function matching(records: IDataObject[], filter: string | undefined, label: (record: IDataObject) => string): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: records
			.map((record) => ({ name: label(record), value: String(record.id) }))
			.filter((result) => !needle || result.name.toLowerCase().includes(needle)),
	};
}

/** Active templates first; others show their status. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const templates = await docuMineList(this, PATHS.dossierTemplates(), LIST_KEYS.dossierTemplates);
	const sorted = [...templates].sort((a, b) => Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE'));
	return matching(sorted, filter, (template) => `${String(template.name ?? template.id)}${template.status && template.status !== 'ACTIVE' ? ` (${String(template.status)})` : ''}`);
}

/** The dossiers of the template chosen in the Dossier Template field. */
export async function searchDossiers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const templateId = this.getCurrentNodeParameter('templateId', { extractValue: true });
	if (typeof templateId !== 'string' || !templateId) return { results: [] };
	return matching(await docuMineList(this, PATHS.dossiers(templateId), LIST_KEYS.dossiers), filter, (dossier) => String(dossier.name ?? dossier.id));
}
