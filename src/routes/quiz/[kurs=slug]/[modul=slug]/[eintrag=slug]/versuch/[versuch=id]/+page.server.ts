import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { openQuestionNumbers, parseAnswers } from '$lib/server/quiz/answers';
import { CONFIRM_FIELD, CONFIRMED } from '$lib/quiz/submit';
import { answerRefusal } from '$lib/server/http/refusal';
import { quizAccess } from '$lib/server/quiz/access';
import { getOwnAttempt, saveAnswers, submitAttempt } from '$lib/server/quiz/attempts';
import { formValues, publicQuestions } from '$lib/server/quiz/layout';
import { itemIdOf, quizUrl } from '$lib/urls';
import type { Actions, PageServerLoad } from './$types';

/** Rendered on the server only; ordering questions bring their own small script. */
export const csr = false;

type Event = RequestEvent<{ kurs: string; modul: string; eintrag: string; versuch: string }>;

/** The user's own open attempt at this route's quiz; anyone else's attempt is a 404. */
function openAttempt(event: Event) {
	const user = requireUser(event);
	const itemId = itemIdOf(event.params);
	const attempt = getOwnAttempt(event.params.versuch, user.id);
	if (!attempt || attempt.quizId !== itemId) error(404, 'not found');
	const resultUrl = `${quizUrl(itemId)}/versuch/${attempt.id}/ergebnis`;
	if (attempt.status === 'submitted') redirect(303, resultUrl);
	const context = answerRefusal(quizAccess(user, itemId));
	return { user, attempt, context, resultUrl };
}

export const load: PageServerLoad = (event) => {
	const { attempt, context } = openAttempt(event);
	return {
		quiz: { id: context.item.id, title: attempt.quiz.title },
		attemptId: attempt.id,
		questions: publicQuestions(attempt.quiz, attempt.layout),
		values: formValues(attempt.quiz, attempt.layout, attempt.answers),
		savedAt: attempt.savedAt
	};
};

async function readAnswers(event: Event, mode: 'save' | 'submit') {
	const opened = openAttempt(event);
	const { attempt } = opened;
	const form = await event.request.formData();
	const confirmed = form.get(CONFIRM_FIELD) === CONFIRMED;
	form.delete(CONFIRM_FIELD);
	const parsed = parseAnswers(form, attempt.quiz, attempt.layout, mode);
	if (parsed.ok) return { ...opened, confirmed, sheet: parsed.sheet, failure: null };
	const failure = parsed.tampered
		? fail(400, { errors: { form: parsed.message } })
		: fail(400, {
				errors: parsed.errors,
				values: formValues(attempt.quiz, attempt.layout, parsed.sheet)
			});
	return { ...opened, confirmed, sheet: null, failure };
}

export const actions: Actions = {
	save: async (event) => {
		const { user, attempt, sheet, failure } = await readAnswers(event, 'save');
		if (failure) return failure;
		saveAnswers(attempt.id, user.id, sheet!);
		return { saved: m.quiz_saved() };
	},
	/**
	 * Grades the attempt once the learner confirmed. Before that, the answers are saved and the
	 * page asks, naming the questions left open: a submit uses up an attempt and cannot be undone.
	 */
	submit: async (event) => {
		const { user, attempt, sheet, failure, resultUrl, confirmed } = await readAnswers(
			event,
			'submit'
		);
		if (failure) return failure;
		if (!confirmed) {
			saveAnswers(attempt.id, user.id, sheet!);
			const open = openQuestionNumbers(attempt.quiz, attempt.layout, sheet!);
			const values = formValues(attempt.quiz, attempt.layout, sheet!);
			return { confirm: { open, total: attempt.layout.questions.length }, values };
		}
		submitAttempt(attempt.id, user.id, sheet!, new Date(), attempt);
		redirect(303, resultUrl);
	}
};
