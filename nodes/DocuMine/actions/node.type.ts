import type { NodeMap, OperationTable } from '../../shared/router';

/**
 * Every resource and operation the DocuMine node offers, and whether it reads or writes. Files go
 * up side by side: DocuMine replaces a file uploaded again under the same name (no duplicate can
 * arise) and processes each file on its own.
 */
export const operations = {
	component: { get: 'read' },
	dossier: { create: 'write', delete: 'write', get: 'read', getAll: 'read', update: 'write' },
	dossierTemplate: { get: 'read', getAll: 'read' },
	file: { delete: 'write', get: 'read', getAll: 'read', upload: 'replacingWrite' },
	license: { getUsage: 'read' },
	resultPackage: {
		create: 'write',
		delete: 'write',
		download: 'read',
		get: 'read',
		getAll: 'read',
	},
	user: { getAll: 'read' },
} as const satisfies OperationTable;

export type DocuMineType = NodeMap<typeof operations>;
