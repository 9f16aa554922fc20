import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { isOpenForEnrolment, setOpenForEnrolment } from '$lib/server/cohorts/enrolment';
import { getCatalogue, getCourse } from '$lib/server/content';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	return {
		courses: getCatalogue().map((course) => ({
			id: course.id,
			title: course.title,
			open: isOpenForEnrolment(course.id)
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireUser(event, 'admin');
		const form = await event.request.formData();
		const course = getCourse(String(form.get('courseId') ?? ''));
		const open = form.get('offen');
		if (!course || (open !== 'ja' && open !== 'nein')) {
			return formFailure(400, { form: m.cohorts_error_course_unknown() });
		}
		setOpenForEnrolment(course.id, open === 'ja', admin.id);
		return {
			done:
				open === 'ja'
					? m.cohorts_courses_opened({ title: course.title })
					: m.cohorts_courses_closed({ title: course.title })
		};
	}
};
