import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { getQuiz } from '$lib/server/content';
import { getQuizStats, listStatsChoices } from '$lib/server/quiz/stats';
import type { PageServerLoad } from './$types';

/** Only quizzes and cohorts of courses the trainer manages a cohort in can be chosen. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const choices = listStatsChoices(user);
	const quizId = event.url.searchParams.get('test') ?? '';
	const cohortId = event.url.searchParams.get('lehrgang') ?? '';
	const selected = { quizId, cohortId };
	if (!quizId && !cohortId) return { choices, selected, report: null, errors: null };

	const course = choices.find((entry) => entry.quizzes.some((quiz) => quiz.id === quizId));
	const quiz = course ? getQuiz(quizId) : undefined;
	const cohort = course?.cohorts.find((entry) => entry.id === cohortId);
	const errors: Record<string, string> = {};
	if (!course || !quiz) errors.test = m.quiz_stats_error_quiz();
	else if (!cohort) errors.lehrgang = m.quiz_stats_error_cohort();
	if (!quiz || !cohort) return { choices, selected, report: null, errors };

	return {
		choices,
		selected,
		errors: null,
		report: { quizTitle: quiz.title, cohortName: cohort.name, stats: getQuizStats(quiz, cohort.id) }
	};
};
