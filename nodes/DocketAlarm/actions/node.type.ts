import type { NodeMap, OperationTable } from '../../shared/router';

/** Every resource and operation the Docket Alarm node offers, and whether it reads or writes. */
export const operations = {
	docket: { get: 'read' },
	document: { download: 'read' },
	search: { search: 'read', searchDirect: 'read', searchPacer: 'read' },
	subaccount: { getAll: 'read', upsert: 'write' },
	tracker: { create: 'write', disable: 'write', getAll: 'read', sendTestPush: 'write' },
} as const satisfies OperationTable;

export type DocketAlarmType = NodeMap<typeof operations>;
