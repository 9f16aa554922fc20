import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getOwnAttempt } from '$lib/server/quiz/attempts';
import { attemptResult } from '$lib/server/quiz/result';
import { itemIdOf, quizUrl } from '$lib/urls';
import type { PageServerLoad } from './$types';

/** Owners review their graded attempts from the stored snapshot, even after the quiz changed. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const itemId = itemIdOf(event.params);
	const attempt = getOwnAttempt(event.params.versuch, user.id);
	if (!attempt || attempt.quizId !== itemId) error(404, 'not found');
	if (attempt.status !== 'submitted' || !attempt.result) {
		redirect(303, `${quizUrl(itemId)}/versuch/${attempt.id}`);
	}
	const { answers, questions } = attemptResult({ ...attempt, result: attempt.result });
	return {
		quiz: { id: itemId, title: attempt.quiz.title, passPercent: attempt.quiz.passPercent },
		answers,
		score: attempt.result.score,
		passed: attempt.result.passed,
		submittedAt: attempt.submittedAt,
		questions
	};
};
