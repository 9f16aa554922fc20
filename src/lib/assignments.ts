// Shapes of practice assignment data as pages receive them (safe for the browser), and labels.
import type { RubricCriterion } from '$lib/content/types';
import { m } from '$lib/paraglide/messages.js';

import type { SubmissionStatus } from './submission-status';

export type { SubmissionStatus };
export type Decision = 'accepted' | 'revision_requested';
/** The ratings of a criterion without levels (and of every review before levels existed). */
export type Rating = 'met' | 'partly' | 'not_yet';
export const ratings: readonly Rating[] = ['met', 'partly', 'not_yet'];

/** One criterion's rating as a review stores it (reviews.ratings). */
export interface CriterionRating {
	criterionId: string;
	/** A level ID of the criterion, or met / partly / not_yet for a criterion without levels. */
	rating: string;
	/** The level's label at review time, so the review stays readable if the content changes. */
	levelLabel?: string;
	comment: string;
}

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
	ratings: { criterionId: string; label: string; ratingLabel: string; comment: string }[];
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

export interface RatingOption {
	value: string;
	label: string;
	description: string | null;
}

/** What a reviewer chooses from for a criterion: its levels (lowest first), else met / partly / not yet. */
export function ratingOptions(criterion: RubricCriterion): RatingOption[] {
	if (criterion.levels.length > 0) {
		return criterion.levels.map((level) => ({
			value: level.id,
			label: level.label,
			description: level.description
		}));
	}
	return ratings.map((rating) => ({
		value: rating,
		label: ratingLabel(rating),
		description: null
	}));
}

/**
 * The label of a stored rating, readable even after the content changed: the criterion's current
 * level, else one of the original three ratings, else the level label saved with the review.
 */
export function storedRatingLabel(
	criterion: RubricCriterion | undefined,
	stored: { rating: string; levelLabel?: string }
): string {
	if (stored.rating === '') return m.assignments_review_not_rated();
	const level = criterion?.levels.find((entry) => entry.id === stored.rating);
	if (level) return level.label;
	if ((ratings as readonly string[]).includes(stored.rating))
		return ratingLabel(stored.rating as Rating);
	return stored.levelLabel ?? stored.rating;
}

export const sizeInKb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));
