import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { answerRefusal } from '$lib/server/http/refusal';
import { quizAccess } from '$lib/server/quiz/access';
import {
	attemptsLeft,
	grantedAttempts,
	listAttempts,
	startAttempt
} from '$lib/server/quiz/attempts';
import { formFailure } from '$lib/server/validation/form';
import { itemIdOf, quizUrl } from '$lib/urls';
import type { Actions, PageServerLoad } from './$types';

// The rules, the past attempts and one button: no JavaScript needed (the attempt page, with its
// drag-and-drop ordering questions, keeps it).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const { item, module } = answerRefusal(quizAccess(user, itemIdOf(event.params)));
	const attempts = listAttempts(user.id, item.id);
	const granted = grantedAttempts(user.id, item.id);
	return {
		quiz: {
			id: item.id,
			title: item.title,
			passPercent: item.passPercent,
			// With the extra attempts trainers allowed this learner.
			attempts: item.attempts === 'unlimited' ? item.attempts : item.attempts + granted,
			questionCount: item.questionCount,
			stand: item.review.stand
		},
		review: user.role === 'learner' ? null : item.review,
		module,
		attempts,
		attemptsLeft: attemptsLeft(item.attempts, attempts.length, granted),
		openAttempt: attempts.find((attempt) => attempt.status === 'open')?.id ?? null,
		passed: attempts.some((attempt) => attempt.passed)
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireUser(event);
		const { item, quiz, cohortId } = answerRefusal(quizAccess(user, itemIdOf(event.params)));
		const started = startAttempt({ userId: user.id, quiz, courseId: item.courseId, cohortId });
		if (!started.ok) return formFailure(400, { form: m.quiz_error_no_attempts_left() });
		redirect(303, `${quizUrl(item.id)}/versuch/${started.attemptId}`);
	}
};
