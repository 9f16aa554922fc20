import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { findUserName } from '$lib/server/assignments/people';
import { canReadSubmission, canReviewSubmission } from '$lib/server/assignments/access';
import { listHistory } from '$lib/server/assignments/history';
import { reviewVersion } from '$lib/server/assignments/review';
import { parseReviewForm } from '$lib/server/assignments/review-form';
import { getSubmission } from '$lib/server/assignments/submissions';
import { getAssignment, getCourse, getModule } from '$lib/server/content';
import { assessmentGuidance } from '$lib/server/course-pages';
import { hospitationLabel } from '$lib/server/hospitation';
import { formFailure } from '$lib/server/validation/form';
import { isConfirmed } from '$lib/server/http/confirm';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const submission = getSubmission(event.params.id);
	if (!submission || submission.status === 'draft' || !canReadSubmission(user, submission)) {
		error(404, 'Not Found');
	}
	const item = getAssignment(submission.itemId);
	const history = listHistory(submission.id, item?.rubric ?? []);
	const latest = history[0];
	const guidance = item ? assessmentGuidance(user, item) : [];
	return {
		guidance,
		submission: { id: submission.id, status: submission.status },
		learnerName: findUserName(submission.userId),
		hospitation: submission.hospitationId ? hospitationLabel(submission.hospitationId) : null,
		item: item
			? {
					id: item.id,
					title: item.title,
					rubric: item.rubric,
					course: getCourse(item.courseId)?.title ?? '',
					module: getModule(item.moduleId)?.title ?? ''
				}
			: null,
		pending:
			submission.status === 'submitted' &&
			latest &&
			!latest.review &&
			canReviewSubmission(user, submission)
				? { versionId: latest.id, version: latest.version }
				: null,
		history
	};
};

export const actions: Actions = {
	review: repeatSafe(async (event) => {
		const user = requireUser(event, 'trainer');
		const submission = getSubmission(event.params.id);
		if (!submission || !canReviewSubmission(user, submission)) error(404, 'Not Found');
		const item = getAssignment(submission.itemId);
		if (!item) return formFailure(400, { form: m.assignments_review_unknown_item() });
		const form = await event.request.formData();
		const parsed = parseReviewForm(form, item.rubric);
		if (!parsed.ok) return formFailure(400, parsed.errors, parsed.values);
		// Accepting is final (completion, possibly a certificate): asked once more, as Moodle does.
		if (parsed.decision === 'accepted' && !isConfirmed(form)) {
			return { confirmAccept: true, values: reviewValues(parsed) };
		}
		const result = await reviewVersion(user, { submissionId: submission.id, ...parsed });
		if (!result.ok && result.reason === 'storage') {
			return formFailure(503, { form: m.security_error_review_storage() }, reviewValues(parsed));
		}
		if (!result.ok) {
			return formFailure(
				409,
				{ form: m.assignments_review_error_conflict() },
				reviewValues(parsed)
			);
		}
		return { reviewed: true };
	})
};

function reviewValues(parsed: Extract<ReturnType<typeof parseReviewForm>, { ok: true }>) {
	const values: Record<string, string> = {
		versionId: parsed.versionId,
		rueckmeldung: parsed.feedback,
		entscheidung: parsed.decision
	};
	for (const rating of parsed.ratings) {
		values[`bewertung-${rating.criterionId}`] = rating.rating;
		values[`kommentar-${rating.criterionId}`] = rating.comment;
	}
	return values;
}
