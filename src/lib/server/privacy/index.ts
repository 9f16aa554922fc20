// The data-rights domain's door: export, deletion, retention and what the pages show.
export { retentionConfig, type RetentionConfig } from './config';
export { eraseAccount, type ErasureResult } from './erase';
export { exportPersonalData, type DataExport } from './export-zip';
export {
	cancelDeletionRequest,
	getDeletionRequest,
	listDeletionRequests,
	requestDeletion
} from './requests';
export { runRetention } from './retention';
export { planRetention, type PlannedDeletion } from './retention-plan';

/** `Content-Disposition` and caching for a personal ZIP download. */
export function zipHeaders(filename: string): Record<string, string> {
	return {
		'content-type': 'application/zip',
		'content-disposition': `attachment; filename="${filename}"`,
		'cache-control': 'private, no-store'
	};
}
