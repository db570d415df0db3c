import type { NodeMap, OperationTable } from '../../shared/router';

/** Every resource and operation the Docketwise node offers, and whether it reads or writes. */
export const operations = {
	charge: { create: 'write', delete: 'write', getAll: 'read', update: 'write' },
	contact: { create: 'write', delete: 'write', get: 'read', getAll: 'read', update: 'write' },
	country: { getAll: 'read' },
	document: { download: 'read', get: 'read', getAll: 'read', upload: 'write' },
	invoice: { create: 'write', get: 'read', getAll: 'read', update: 'write' },
	matter: {
		create: 'write',
		delete: 'write',
		get: 'read',
		getAll: 'read',
		getReceipts: 'read',
		update: 'write',
	},
	matterStatus: { getAll: 'read' },
	matterType: { getAll: 'read' },
	note: { create: 'write', delete: 'write', update: 'write' },
	user: { getAll: 'read' },
} as const satisfies OperationTable;

export type DocketwiseType = NodeMap<typeof operations>;
