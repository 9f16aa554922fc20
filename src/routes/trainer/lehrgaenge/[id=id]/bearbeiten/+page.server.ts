import { formatDay } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { cohortFormValues, moduleField, parseCohortForm } from '$lib/server/cohorts/cohort-form';
import { updateCohort } from '$lib/server/cohorts/cohorts';
import { cohortSaveRefusal } from '$lib/server/cohorts/save-checks';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { formFailure } from '$lib/server/validation/form';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { cohort } = requireManagedCohort(event);
	return {
		cohort: { id: cohort.id, name: cohort.name, courseTitle: cohort.courseTitle },
		modules: cohort.modules.map(({ number, title }) => ({ number, title })),
		values: cohortFormValues(cohort)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { cohort } = requireManagedCohort(event);
		const modules = cohort.modules.map((module) => ({ id: module.moduleId }));
		const formData = await event.request.formData();
		const parsed = parseCohortForm(formData, modules);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const existing = { id: cohort.id, schedule: cohort };
		const refusal = cohortSaveRefusal(cohort.courseId, parsed, formData, existing);
		if (refusal) return refusal;
		const result = updateCohort(cohort.id, parsed.data);
		if (!result.ok) {
			const errors: Record<string, string> = {};
			for (const { moduleId, days } of result.orphaned) {
				const index = cohort.modules.findIndex((module) => module.moduleId === moduleId);
				errors[moduleField.start(index)] = m.cohorts_error_attendance_days({
					number: index + 1,
					days: days.map((day) => formatDay(day)).join(', ')
				});
			}
			return formFailure(409, errors, parsed.values);
		}
		redirect(303, `/trainer/lehrgaenge/${cohort.id}?gespeichert=1`);
	}
};
