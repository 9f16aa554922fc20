import { m } from '$lib/paraglide/messages.js';
import { roleSchema } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { createPasswordReset, getUser, setUserActive, setUserRole } from '$lib/server/auth/users';
import {
	assignLearnerToCohort,
	listCohortChoices,
	listLearnerCohorts,
	previewCohortAssignment
} from '$lib/server/cohorts/join';
import { eraseAccount, getDeletionRequest } from '$lib/server/privacy';
import { error, redirect } from '@sveltejs/kit';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

function loadTarget(id: string) {
	const user = getUser(id);
	if (!user) error(404, 'not found');
	return user;
}

export const load: PageServerLoad = (event) => {
	const admin = requireUser(event, 'admin');
	const target = loadTarget(event.params.id);
	return {
		target,
		isSelf: admin.id === event.params.id,
		memberships:
			target.role === 'learner'
				? { current: listLearnerCohorts(target.id), choices: listCohortChoices() }
				: null,
		deletionRequest: getDeletionRequest(target.id) ?? null
	};
};

const cohortProblems = {
	not_found: () => m.cohorts_membership_error_not_found(),
	not_learner: () => m.cohorts_membership_error_not_learner(),
	already_in_cohort: () => m.cohorts_membership_error_already()
};

export const actions: Actions = {
	role: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		const form = await event.request.formData();
		const role = roleSchema().safeParse(form.get('role'));
		if (!role.success) return formFailure(400, { role: role.error.issues[0]!.message });
		if (!setUserRole(target.id, role.data, admin.id)) {
			return formFailure(400, { form: m.admin_error_last_admin() });
		}
		return { saved: m.admin_user_role_saved() };
	},
	deactivate: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		const form = await event.request.formData();
		if (target.id === admin.id) return formFailure(400, { form: m.admin_error_self_deactivate() });
		if (form.get('bestaetigt') !== 'ja') return { confirmDeactivate: true };
		if (!setUserActive(target.id, false, admin.id)) {
			return formFailure(400, { form: m.admin_error_last_admin() });
		}
		return { saved: m.admin_user_deactivated() };
	},
	activate: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		setUserActive(target.id, true, admin.id);
		return { saved: m.admin_user_activated() };
	},
	/** Enrol in or move to a cohort: a confirmation step first, then the change (audited). */
	cohort: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		const form = await event.request.formData();
		const cohortId = String(form.get('cohortId') ?? '');
		if (form.get('bestaetigt') !== 'ja') {
			const preview = previewCohortAssignment(target.id, cohortId);
			if (!preview.ok) return formFailure(400, { cohortId: cohortProblems[preview.reason]() });
			return { confirmCohort: preview };
		}
		const result = assignLearnerToCohort(admin, target.id, cohortId, event.getClientAddress());
		if (!result.ok) return formFailure(400, { cohortId: cohortProblems[result.reason]() });
		return { saved: m.cohorts_membership_saved({ name: target.name, to: result.to.name }) };
	},
	/** Art. 17: the admin confirms a deletion (a request, or one that came by letter). */
	erase: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		if (target.id === admin.id) return formFailure(400, { form: m.privacy_error_self() });
		const form = await event.request.formData();
		const reason = String(form.get('grund') ?? '').trim();
		const keep = form.get('zertifikatePruefbar') === 'ja';
		if (!reason || reason.length > 500) {
			return formFailure(400, { grund: m.privacy_error_reason_required() }, { grund: reason });
		}
		if (form.get('bestaetigt') !== 'ja') return { confirmErase: { reason, keep } };
		const result = await eraseAccount(target.id, {
			actorId: admin.id,
			trigger: 'admin',
			reason,
			keepCertificatesVerifiable: keep
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'not found');
			return formFailure(400, { form: m.privacy_error_last_admin() });
		}
		redirect(303, '/admin/benutzer?geloescht=1');
	},
	reset: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		if (!target.active) return formFailure(400, { form: m.admin_error_reset_inactive() });
		const { token, expiresAt } = createPasswordReset(target.id, admin.id);
		return {
			resetLink: `${event.url.origin}/passwort-zuruecksetzen/${token}`,
			resetExpiresAt: expiresAt
		};
	}
};
