import { ratingOptions } from '$lib/assignments';
import { m } from '$lib/paraglide/messages.js';
import type { RubricCriterion } from '$lib/content/types';
import type { FieldErrors } from '../validation/form';
import type { CriterionRating, Decision } from '$lib/assignments';

export const MAX_FEEDBACK_LENGTH = 10_000;
export const MAX_COMMENT_LENGTH = 2_000;

export type ReviewForm =
	| {
			ok: true;
			versionId: string;
			decision: Decision;
			feedback: string;
			ratings: CriterionRating[];
	  }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
};

/**
 * Reads the review form: a rating (and optional comment) per rubric criterion, overall
 * feedback and the decision. Field names follow the criterion IDs from the content.
 */
export function parseReviewForm(form: FormData, rubric: readonly RubricCriterion[]): ReviewForm {
	const errors: FieldErrors = {};
	const values: Record<string, string> = {};
	for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
	const tooLong = (max: number) => m.assignments_review_error_too_long({ max });

	// A criterion left unrated is not stored, unless the rubric marks it required.
	const rated = rubric.filter(
		(criterion) =>
			criterion.required ||
			text(form, `bewertung-${criterion.id}`) ||
			text(form, `kommentar-${criterion.id}`)
	);
	const ratings = rated.map((criterion): CriterionRating => {
		const rating = text(form, `bewertung-${criterion.id}`);
		const comment = text(form, `kommentar-${criterion.id}`);
		const option = ratingOptions(criterion).find((entry) => entry.value === rating);
		// An optional criterion may carry a comment without a rating.
		if (!option && (criterion.required || rating !== '')) {
			errors[`bewertung-${criterion.id}`] = m.assignments_review_error_rating({
				label: criterion.label
			});
		}
		if (comment.length > MAX_COMMENT_LENGTH) {
			errors[`kommentar-${criterion.id}`] = tooLong(MAX_COMMENT_LENGTH);
		}
		return criterion.levels.length > 0 && option
			? { criterionId: criterion.id, rating, levelLabel: option.label, comment }
			: { criterionId: criterion.id, rating, comment };
	});
	const feedback = text(form, 'rueckmeldung');
	const decision = text(form, 'entscheidung') as Decision;
	if (decision !== 'accepted' && decision !== 'revision_requested') {
		errors.entscheidung = m.assignments_review_error_decision();
	}
	if (feedback.length > MAX_FEEDBACK_LENGTH) errors.rueckmeldung = tooLong(MAX_FEEDBACK_LENGTH);
	else if (decision === 'revision_requested' && !feedback) {
		errors.rueckmeldung = m.assignments_review_error_feedback();
	}
	const versionId = text(form, 'versionId');
	if (!/^[a-z2-7]{16}$/.test(versionId)) errors.form = m.assignments_review_error_conflict();
	if (Object.keys(errors).length) return { ok: false, errors, values };
	return { ok: true, versionId, decision, feedback, ratings };
}
