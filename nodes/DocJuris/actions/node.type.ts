import type { NodeMap, OperationTable } from '../../shared/router';

/** Every resource and operation the DocJuris node offers, and whether it reads or writes. */
export const operations = {
	contract: { create: 'write', download: 'read', get: 'read', getDocumentInfo: 'read' },
	contractType: { getAll: 'read' },
	import: { create: 'write' },
	playbook: { getAll: 'read' },
	subscription: {
		create: 'write',
		delete: 'write',
		getAll: 'read',
		getMessages: 'read',
		getTestMessages: 'read',
	},
	turn: { create: 'write', download: 'read', get: 'read', getDocumentInfo: 'read' },
} as const satisfies OperationTable;

export type DocJurisType = NodeMap<typeof operations>;
