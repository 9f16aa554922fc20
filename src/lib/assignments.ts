// Shapes of practice assignment data as pages receive them (safe for the browser), and labels.
import { m } from '$lib/paraglide/messages.js';

export type SubmissionStatus = 'draft' | 'submitted' | 'revision_requested' | 'accepted';
export type Decision = 'accepted' | 'revision_requested';
export type Rating = 'met' | 'partly' | 'not_yet';
export const ratings: readonly Rating[] = ['met', 'partly', 'not_yet'];

export interface HistoryFile {
	id: string;
	originalName: string;
	size: number;
}

export interface HistoryReview {
	reviewerName: string;
	decision: Decision;
	/** Sanitised HTML rendered from the trainer's Markdown. */
	feedbackHtml: string;
	createdAt: Date;
	ratings: { criterionId: string; label: string; rating: Rating; comment: string }[];
}

export interface HistoryVersion {
	id: string;
	version: number;
	submittedAt: Date;
	/** Sanitised HTML rendered from the learner's Markdown. */
	html: string;
	files: HistoryFile[];
	review: HistoryReview | null;
}

export const fileUrl = (fileId: string) => `/aufgaben/dateien/${fileId}`;

export function statusLabel(status: SubmissionStatus | null): string {
	switch (status) {
		case null:
			return m.assignments_status_none();
		case 'draft':
			return m.assignments_status_draft();
		case 'submitted':
			return m.assignments_status_submitted();
		case 'revision_requested':
			return m.assignments_status_revision_requested();
		case 'accepted':
			return m.assignments_status_accepted();
	}
}

export const decisionLabel = (decision: Decision) =>
	decision === 'accepted'
		? m.assignments_decision_accepted()
		: m.assignments_decision_revision_requested();

export function ratingLabel(rating: Rating): string {
	if (rating === 'met') return m.assignments_rating_met();
	if (rating === 'partly') return m.assignments_rating_partly();
	return m.assignments_rating_not_yet();
}

export const sizeInKb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));
