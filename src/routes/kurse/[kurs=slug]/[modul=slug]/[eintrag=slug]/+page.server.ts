import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { lessonView, markLesson } from '$lib/server/course-pages';
import type { Actions, PageServerLoad } from './$types';

type Params = { kurs: string; modul: string; eintrag: string };
const itemId = ({ kurs, modul, eintrag }: Params) => `${kurs}/${modul}/${eintrag}`;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const view = lessonView(user, itemId(event.params));
	if (view.kind === 'not_found') error(404, 'Not Found');
	if (view.kind === 'redirect') redirect(303, view.to);
	return { view };
};

function mark(event: RequestEvent<Params>, done: boolean) {
	const user = requireUser(event);
	const result = markLesson(user, itemId(event.params), done);
	if (result === 'not_found') error(404, 'Not Found');
	if (result === 'forbidden') return fail(403, { markError: m.content_mark_error() });
	return { marked: done ? m.content_marked_done() : m.content_marked_undone() };
}

export const actions: Actions = {
	erledigt: (event) => mark(event, true),
	offen: (event) => mark(event, false)
};
