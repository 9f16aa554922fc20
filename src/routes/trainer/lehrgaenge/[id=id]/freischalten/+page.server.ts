import { m } from '$lib/paraglide/messages.js';
import { isCohortLearner, listCohortLearners } from '$lib/server/cohorts/cohorts';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { listUnlocks, revokeUnlock, unlockModule } from '$lib/server/cohorts/unlocks';
import { isConfirmed } from '$lib/server/http/confirm';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const WHOLE_COHORT = 'alle';

export const load: PageServerLoad = (event) => {
	const { cohort } = requireManagedCohort(event);
	const titles = new Map(cohort.modules.map((module) => [module.moduleId, module]));
	return {
		cohort: { id: cohort.id, name: cohort.name },
		modules: cohort.modules.map(({ moduleId, number, title }) => ({ moduleId, number, title })),
		learners: listCohortLearners(cohort.id).map(({ id, name }) => ({ id, name })),
		unlocks: listUnlocks(cohort.id).map((unlock) => ({
			...unlock,
			moduleNumber: titles.get(unlock.moduleId)?.number ?? 0,
			moduleTitle: titles.get(unlock.moduleId)?.title ?? unlock.moduleId
		})),
		wholeCohort: WHOLE_COHORT
	};
};

export const actions: Actions = {
	unlock: async (event) => {
		const { user, cohort } = requireManagedCohort(event);
		const form = await event.request.formData();
		const moduleId = String(form.get('moduleId') ?? '');
		const target = String(form.get('target') ?? '');
		const values = { moduleId, target };
		if (!cohort.modules.some((module) => module.moduleId === moduleId)) {
			return formFailure(400, { moduleId: m.cohorts_unlock_error_module() }, values);
		}
		if (target !== WHOLE_COHORT && !isCohortLearner(cohort.id, target)) {
			return formFailure(400, { target: m.cohorts_unlock_error_target() }, values);
		}
		const userId = target === WHOLE_COHORT ? null : target;
		unlockModule({ cohortId: cohort.id, moduleId, userId, unlockedBy: user.id });
		return { done: m.cohorts_unlock_done() };
	},
	revoke: async (event) => {
		const { user, cohort } = requireManagedCohort(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const notFound = () => formFailure(404, { form: m.cohorts_unlock_error_not_found() });
		if (!listUnlocks(cohort.id).some((unlock) => unlock.id === id)) return notFound();
		if (!isConfirmed(form)) return { confirmRevoke: id };
		// Taken back by someone else between the question and the yes.
		if (!revokeUnlock(cohort.id, id, user.id)) return notFound();
		return { done: m.cohorts_unlock_revoked() };
	}
};
