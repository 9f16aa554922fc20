import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { lessonView, markLesson } from '$lib/server/course-pages';
import { answerRefusal } from '$lib/server/http/refusal';
import type { Actions, PageServerLoad } from './$types';
import { itemIdOf } from '$lib/urls';

type Params = { kurs: string; modul: string; eintrag: string };

// A lesson is a document read on phones with little data volume: it loads no JavaScript (0 KB
// instead of ~50 KB gzip) and no copy of its HTML as hydration data. The form posts without it and
// terms open as native popovers. Arriving from another page of the app still renders it there.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { view: answerRefusal(lessonView(user, itemIdOf(event.params))) };
};

function mark(event: RequestEvent<Params>, done: boolean) {
	const user = requireUser(event);
	const result = markLesson(user, itemIdOf(event.params), done);
	if (result === 'not_found') error(404, 'Not Found');
	if (result === 'forbidden') return fail(403, { markError: m.content_mark_error() });
	// Marked done, the page's own status line ("Sie haben diese Lektion …") is the answer.
	return done ? { markedDone: true } : { marked: m.content_marked_undone() };
}

export const actions: Actions = {
	erledigt: (event) => mark(event, true),
	offen: (event) => mark(event, false)
};
