import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { listCohortLearners } from '$lib/server/cohorts/cohorts';
import { sharedInCohort } from '$lib/server/journal/entries';
import { loadLearnerDetail } from '$lib/server/progress/detail';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { attemptStandings, grantExtraAttempt, type GrantRefusal } from '$lib/server/quiz/grants';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user: viewer } = requireManagedCohort(event);
	const detail = loadLearnerDetail(event.params.id, event.params.userId);
	if (!detail) error(404, 'not found');
	const journal = sharedInCohort(viewer, event.params.userId, event.params.id).map((entry) => ({
		id: entry.id,
		prompt: entry.prompt,
		body: entry.body,
		createdAt: entry.createdAt
	}));
	const quizIds = detail.modules.flatMap((module) =>
		module.items.filter((item) => item.type === 'quiz').map((item) => item.id)
	);
	return { ...detail, journal, quizStandings: attemptStandings(event.params.userId, quizIds) };
};

const grantRefusals: Record<Exclude<GrantRefusal, 'not_allowed'>, () => string> = {
	unknown_quiz: m.quiz_grant_error_unknown_quiz,
	unlimited: m.quiz_grant_error_unlimited,
	attempts_left: m.quiz_grant_error_attempts_left,
	passed: m.quiz_grant_error_passed
};

export const actions: Actions = {
	grantAttempt: async (event) => {
		const { user, cohort } = requireManagedCohort(event);
		const learner = listCohortLearners(cohort.id).find(({ id }) => id === event.params.userId);
		if (!learner) error(404, 'not found');
		const quizId = String((await event.request.formData()).get('quizId') ?? '');
		const granted = grantExtraAttempt({
			actor: user,
			learnerId: learner.id,
			courseId: cohort.courseId,
			quizId
		});
		if (granted.ok) {
			return { quizId, granted: m.quiz_grant_done({ name: learner.name, title: granted.title }) };
		}
		if (granted.reason === 'not_allowed') error(404, 'not found');
		return formFailure(400, { form: grantRefusals[granted.reason]() });
	}
};
