import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { parseAnswers } from '$lib/server/quiz/answers';
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
	const parsed = parseAnswers(await event.request.formData(), attempt.quiz, attempt.layout, mode);
	if (parsed.ok) return { ...opened, sheet: parsed.sheet, failure: null };
	if (parsed.tampered) {
		return { ...opened, sheet: null, failure: fail(400, { errors: { form: parsed.message } }) };
	}
	const values = formValues(attempt.quiz, attempt.layout, parsed.sheet);
	return { ...opened, sheet: null, failure: fail(400, { errors: parsed.errors, values }) };
}

export const actions: Actions = {
	save: async (event) => {
		const { user, attempt, sheet, failure } = await readAnswers(event, 'save');
		if (failure) return failure;
		saveAnswers(attempt.id, user.id, sheet!);
		return { saved: m.quiz_saved() };
	},
	submit: async (event) => {
		const { user, attempt, sheet, failure, resultUrl } = await readAnswers(event, 'submit');
		if (failure) return failure;
		submitAttempt(attempt.id, user.id, sheet!, new Date(), attempt);
		redirect(303, resultUrl);
	}
};
