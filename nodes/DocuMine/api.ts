/**
 * Every DocuMine path, field name and status value the nodes use, in one place. DocuMine gives its
 * OpenAPI specification to customers only; most of this is inferred (see the repository's DocuMine
 * notes). A customer holding the specification can correct it here in minutes.
 */

/** Paths under the API base (`<DocuMine URL>/api`). Confirmed: dossier templates and the dossier-level download. */
export const PATHS = {
	dossierTemplates: () => '/dossier-templates',
	dossierTemplate: (templateId: string) => `/dossier-templates/${templateId}`,
	dossiers: (templateId: string) => `/dossier-templates/${templateId}/dossiers`,
	dossier: (templateId: string, dossierId: string) =>
		`/dossier-templates/${templateId}/dossiers/${dossierId}`,
	files: (templateId: string, dossierId: string) =>
		`/dossier-templates/${templateId}/dossiers/${dossierId}/files`,
	file: (templateId: string, dossierId: string, fileId: string) =>
		`/dossier-templates/${templateId}/dossiers/${dossierId}/files/${fileId}`,
	components: (templateId: string, dossierId: string, fileId: string) =>
		`/dossier-templates/${templateId}/dossiers/${dossierId}/files/${fileId}/components`,
	dossierDownload: (templateId: string, dossierId: string) =>
		`/dossier-templates/${templateId}/dossiers/${dossierId}/create-download`,
	fileDownload: (templateId: string, dossierId: string, fileId: string) =>
		`/dossier-templates/${templateId}/dossiers/${dossierId}/files/${fileId}/create-download`,
	filesDownload: (templateId: string, dossierId: string) =>
		`/dossier-templates/${templateId}/dossiers/${dossierId}/files/bulk/create-download`,
	downloads: () => '/downloads',
	download: (downloadId: string) => `/downloads/${downloadId}`,
	downloadFile: (downloadId: string) => `/downloads/${downloadId}/file`,
	users: () => '/users',
	license: () => '/license/usage',
};

/** Where the API lives under the DocuMine URL (inferred); the credentials let a user change it. */
export const DEFAULT_API_BASE_PATH = '/api';

/**
 * Keycloak: one realm per workspace. `workspaceSegment` is already URL-encoded (or an n8n
 * expression). Keycloak before version 17 serves realms under `/auth`, later versions at the root;
 * DocuMine's documentation shows `/auth`, so that is tried first. The credentials let a user set
 * the exact URLs.
 */
export const REALM_PREFIXES = ['/auth', ''];
export const realmPath = (workspaceSegment: string, prefix = REALM_PREFIXES[0]) =>
	`${prefix}/realms/${workspaceSegment}/protocol/openid-connect`;
export const tokenPath = (workspaceId: string, prefix = REALM_PREFIXES[0]) =>
	`${realmPath(encodeURIComponent(workspaceId), prefix)}/token`;

/** The API's base URL from a credential: the DocuMine URL and its (overridable) API base path. */
export function apiBaseUrl(credentials: { url?: unknown; apiBasePath?: unknown }): string {
	const host = String(credentials.url ?? '').replace(/\/+$/, '');
	const basePath =
		typeof credentials.apiBasePath === 'string'
			? credentials.apiBasePath.trim()
			: DEFAULT_API_BASE_PATH;
	return `${host}${basePath === '' ? '' : `/${basePath.replace(/^\/+|\/+$/g, '')}`}`;
}

/** The verb DocuMine takes for a dossier update (inferred: the whole dossier is sent back). */
export const DOSSIER_UPDATE_METHOD = 'PUT';

/** Keys of the lists DocuMine wraps in an object (`{ dossierTemplates: [...] }`). */
export const LIST_KEYS = {
	dossierTemplates: 'dossierTemplates',
	dossiers: 'dossiers',
	files: 'files',
	downloads: 'downloads',
	users: 'users',
};

export const FIELDS = {
	/** Multipart part holding an uploaded file. */
	uploadPart: 'file',
	/** Upload query flag: keep manual changes when a file with the same name is replaced. */
	keepManualChanges: 'keepManualChanges',
	fileProcessingStatus: 'processingStatus',
	fileWorkflowStatus: 'workflowStatus',
	fileIds: 'fileIds',
	reportTemplateIds: 'reportTemplateIds',
	/** The id a create-download answer carries (whichever of these is present). */
	downloadIdKeys: ['downloadId', 'id', 'storageId'],
	downloadStatus: 'status',
};

/** A file's processing has ended well / badly. Any other value means "still running". */
export const FILE_DONE = ['PROCESSED'];
export const FILE_FAILED = ['ERROR', 'FAILED'];
/** A result package is ready / failed. Any other value means "still being generated". */
export const PACKAGE_READY = ['READY'];
export const PACKAGE_FAILED = ['FAILED', 'ERROR'];

export type Outcome = 'done' | 'failed' | 'running';

/** Classifies a status; an unknown value is never an error, only "not finished yet". */
export function outcomeOf(status: unknown, done: string[], failed: string[]): Outcome {
	const value = String(status ?? '').toUpperCase();
	if (done.includes(value)) return 'done';
	if (failed.includes(value)) return 'failed';
	return 'running';
}
