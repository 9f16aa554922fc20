import { cohortFormValues, parseCohortForm } from '$lib/server/cohorts/cohort-form';
import { updateCohort } from '$lib/server/cohorts/cohorts';
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
		const parsed = parseCohortForm(await event.request.formData(), modules);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		updateCohort(cohort.id, parsed.data);
		redirect(303, `/trainer/lehrgaenge/${cohort.id}?gespeichert=1`);
	}
};
