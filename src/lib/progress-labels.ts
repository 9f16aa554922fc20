import { statusLabel } from '$lib/assignments';
import type { CompletionSource } from '$lib/completion-source';
import { m } from '$lib/paraglide/messages.js';

import type { SubmissionStatus } from './submission-status';

export type { SubmissionStatus };
export type AssignmentStatus = 'not_started' | SubmissionStatus;
export type CellStatus =
	'not_started' | 'in_progress' | 'complete' | 'waiting_for_review' | 'revision_requested';

/** The assignments' own wording, with „not started“ for what has no submission yet. */
export const assignmentStatusLabel = (status: AssignmentStatus): string =>
	statusLabel(status === 'not_started' ? null : status);

export const cellStatusLabel = (status: CellStatus): string =>
	({
		not_started: m.progress_status_not_started,
		in_progress: m.progress_status_in_progress,
		complete: m.progress_status_complete,
		waiting_for_review: m.progress_status_waiting_for_review,
		revision_requested: m.progress_status_revision_requested
	})[status]();

export const sourceLabel = (source: CompletionSource): string =>
	({
		lesson_marked: m.progress_source_lesson_marked,
		quiz_passed: m.progress_source_quiz_passed,
		assignment_accepted: m.progress_source_assignment_accepted,
		assignment_submitted: m.progress_source_assignment_submitted,
		trainer: m.progress_source_trainer
	})[source]();
