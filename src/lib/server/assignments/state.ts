import type { SubmissionStatus } from '$lib/submission-status';

export type SubmissionEvent = 'save' | 'submit' | 'accept' | 'request_revision';

/**
 * The submission life cycle: drafts are edited and submitted; a submitted version is locked
 * until a trainer accepts it or asks for a revision, which opens editing again.
 * Returns null when the event is not allowed in that state.
 */
export function nextStatus(
	status: SubmissionStatus,
	event: SubmissionEvent
): SubmissionStatus | null {
	const editable = status === 'draft' || status === 'revision_requested';
	switch (event) {
		case 'save':
			return editable ? status : null;
		case 'submit':
			return editable ? 'submitted' : null;
		case 'accept':
			return status === 'submitted' ? 'accepted' : null;
		case 'request_revision':
			return status === 'submitted' ? 'revision_requested' : null;
	}
}

export const isEditable = (status: SubmissionStatus) => nextStatus(status, 'save') !== null;

export type MissingContent = 'text' | 'file' | 'text_or_file' | null;

/** What a submission still lacks, given what the assignment accepts (`submission: [...]`). */
export function missingContent(
	kinds: readonly ('text' | 'file')[],
	hasText: boolean,
	fileCount: number
): MissingContent {
	const acceptsText = kinds.includes('text');
	const acceptsFiles = kinds.includes('file');
	if (acceptsText && acceptsFiles) return hasText || fileCount > 0 ? null : 'text_or_file';
	if (acceptsText) return hasText ? null : 'text';
	return fileCount > 0 ? null : 'file';
}
