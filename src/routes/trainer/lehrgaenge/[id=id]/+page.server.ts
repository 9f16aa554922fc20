import { m } from '$lib/paraglide/messages.js';
import {
	addTrainer,
	isCohortLearner,
	listCohortLearners,
	listTrainerCandidates,
	removeLearner,
	removeTrainer
} from '$lib/server/cohorts/cohorts';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { isOpenCohortInvite, listOpenCohortInvites } from '$lib/server/cohorts/open-invites';
import { revokeCohortInvite } from '$lib/server/auth/invites';
import { pageParam } from '$lib/server/http/page-param';
import { formFailure } from '$lib/server/validation/form';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isConfirmed } from '$lib/server/http/confirm';

export const load: PageServerLoad = (event) => {
	const { user, cohort } = requireManagedCohort(event);
	const current = new Set(cohort.trainers.map((trainer) => trainer.id));
	return {
		cohort,
		learners: listCohortLearners(cohort.id),
		openInvites: listOpenCohortInvites(cohort.id, pageParam(event.url.searchParams)),
		otherTrainers: listTrainerCandidates(user).filter((candidate) => !current.has(candidate.id)),
		created: event.url.searchParams.has('angelegt'),
		saved: event.url.searchParams.has('gespeichert')
	};
};

export const actions: Actions = {
	removeLearner: async (event) => {
		const { user, cohort } = requireManagedCohort(event);
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		if (!isCohortLearner(cohort.id, userId)) {
			return formFailure(404, { form: m.cohorts_error_learner_unknown() });
		}
		if (!isConfirmed(form)) return { confirmLearner: userId };
		removeLearner(cohort.id, userId, user.id);
		return { done: m.cohorts_learner_removed() };
	},
	revokeInvite: async (event) => {
		const { user, cohort } = requireManagedCohort(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const notFound = () => formFailure(404, { form: m.cohorts_invite_error_not_open() });
		if (!isOpenCohortInvite(cohort.id, id)) return notFound();
		if (!isConfirmed(form)) return { confirmInvite: id };
		if (!revokeCohortInvite(id, cohort.id, user.id)) return notFound();
		return { done: m.admin_invite_revoked() };
	},
	addTrainer: async (event) => {
		const { user, cohort } = requireManagedCohort(event);
		const userId = String((await event.request.formData()).get('userId') ?? '');
		if (!listTrainerCandidates(user).some((candidate) => candidate.id === userId)) {
			return formFailure(400, { trainer: m.cohorts_error_trainer_unknown() });
		}
		addTrainer(cohort.id, userId);
		return { done: m.cohorts_trainer_added() };
	},
	removeTrainer: async (event) => {
		const { user, cohort } = requireManagedCohort(event);
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		if (!cohort.trainers.some((trainer) => trainer.id === userId)) {
			return formFailure(404, { form: m.cohorts_error_trainer_unknown() });
		}
		if (cohort.trainers.length <= 1)
			return formFailure(400, { form: m.cohorts_error_last_trainer() });
		if (!isConfirmed(form)) return { confirmTrainer: userId };
		if (!removeTrainer(cohort.id, userId)) {
			return formFailure(400, { form: m.cohorts_error_last_trainer() });
		}
		// Without the role of trainer here the page would answer 404 on reload.
		if (userId === user.id && user.role !== 'admin') redirect(303, '/trainer/lehrgaenge');
		return { done: m.cohorts_trainer_removed() };
	}
};
