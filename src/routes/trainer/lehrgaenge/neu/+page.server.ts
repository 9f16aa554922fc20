import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { parseCohortForm } from '$lib/server/cohorts/cohort-form';
import { createCohort, listTrainerCandidates } from '$lib/server/cohorts/cohorts';
import { cohortSaveRefusal } from '$lib/server/cohorts/save-checks';
import { getCatalogue, getCourse } from '$lib/server/content';
import { formFailure } from '$lib/server/validation/form';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

const moduleRefs = (courseId: string) =>
	(getCourse(courseId)?.modules ?? []).map((module, index) => ({
		id: module.id,
		number: index + 1,
		title: module.title
	}));

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const courseId = event.url.searchParams.get('kurs') ?? '';
	const course = getCourse(courseId);
	return {
		courses: getCatalogue().map((entry) => ({ id: entry.id, title: entry.title })),
		course: course ? { id: course.id, title: course.title } : null,
		courseError: courseId && !course ? m.cohorts_error_course_unknown() : null,
		modules: course ? moduleRefs(course.id) : [],
		trainers: listTrainerCandidates(user),
		fixedTrainerId: user.role === 'trainer' ? user.id : null
	};
};

export const actions: Actions = {
	default: repeatSafe(async (event) => {
		const user = requireUser(event, 'trainer');
		const formData = await event.request.formData();
		const courseId = String(formData.get('courseId') ?? '');
		if (!getCourse(courseId)) {
			// Name and dates stay in the form; the modules are the chosen course's (read anew).
			const typed = Object.fromEntries(
				[...formData.entries()].filter(
					(entry): entry is [string, string] => typeof entry[1] === 'string'
				)
			);
			return formFailure(400, { form: m.cohorts_error_course_unknown() }, typed);
		}
		const candidates = new Set(listTrainerCandidates(user).map((candidate) => candidate.id));
		const parsed = parseCohortForm(formData, moduleRefs(courseId), {
			trainers: { allowed: candidates, required: user.role === 'trainer' ? user.id : null }
		});
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const refusal = cohortSaveRefusal(courseId, parsed, formData);
		if (refusal) return refusal;
		const id = createCohort(courseId, parsed.data, user.id);
		redirect(303, `/trainer/lehrgaenge/${id}?angelegt=1`);
	})
};
