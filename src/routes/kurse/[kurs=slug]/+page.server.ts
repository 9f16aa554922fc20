import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { certificateWaitsFor } from '$lib/server/certificates/eligibility';
import { courseView, startCourse } from '$lib/server/course-pages';
import type { Actions, PageServerLoad } from './$types';

// Like a lesson, the course page is a document to read: every module with its items. With
// client-side code it sent that list twice (HTML and hydration data) and the scripts on top; the
// start form posts without JavaScript.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const course = courseView(user, event.params.kurs);
	if (!course) error(404, 'Not Found');
	return {
		course,
		role: user.role,
		certificateAfter: course.progress?.isComplete
			? certificateWaitsFor(user.id, event.params.kurs)
			: null
	};
};

export const actions: Actions = {
	beginnen: (event) => {
		const user = requireUser(event);
		const result = startCourse(user, event.params.kurs);
		if (result.ok) redirect(303, result.url);
		if (result.reason === 'not_found') error(404, 'Not Found');
		const message =
			result.reason === 'closed' ? m.content_start_error_closed() : m.content_start_error_staff();
		return fail(403, { startError: message });
	}
};
