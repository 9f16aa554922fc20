import { m } from '$lib/paraglide/messages.js';
import { adminProfileSchema, roleSchema } from '$lib/server/auth/forms';
import { changeEmailByAdmin, changeName } from '$lib/server/auth/profile';
import { formFailure, parseForm } from '$lib/server/validation/form';
import { requireUser } from '$lib/server/auth/guards';
import { getUser, setUserActive, setUserRole, type UserSummary } from '$lib/server/auth/users';
import { createPasswordReset } from '$lib/server/auth/password-change';
import {
	assignLearnerToCohort,
	listCohortChoices,
	listLearnerCohorts,
	previewCohortAssignment
} from '$lib/server/cohorts/join';
import { eraseAccount, getDeletionRequest } from '$lib/server/privacy';
import { listCertificatesOfUser } from '$lib/server/certificates/queries';
import { listManagedCohorts } from '$lib/server/cohorts/access';
import { getCatalogue, getCourse } from '$lib/server/content';
import { ALL_COURSES, grantedCourseIds, setAuthoring } from '$lib/server/studio/rights';
import { getCourseProgress } from '$lib/server/progress';
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isConfirmed } from '$lib/server/http/confirm';
import { notFoundIn } from '$lib/server/http/not-found';
import { clientAddress } from '$lib/server/http/client-address';

function loadTarget(id: string) {
	const user = getUser(id);
	if (!user) {
		notFoundIn(m.admin_user_gone(), { href: '/admin/benutzer', label: m.admin_user_gone_back() });
	}
	return user;
}

/** What the person does here: courses with progress, cohorts they run, certificates. */
function overviewOf(target: UserSummary) {
	const courseTitle = (courseId: string) => getCourse(courseId)?.title ?? courseId;
	return {
		courses: listLearnerCohorts(target.id).map((row) => ({
			...row,
			percent: getCourseProgress(target.id, row.courseId)?.percent ?? 0
		})),
		cohortsRun:
			target.role === 'trainer'
				? listManagedCohorts(target).map((cohort) => ({
						id: cohort.id,
						name: cohort.name,
						courseTitle: courseTitle(cohort.courseId)
					}))
				: [],
		certificates: listCertificatesOfUser(target.id).map((certificate) => ({
			id: certificate.id,
			number: certificate.number,
			courseTitle: certificate.snapshot.courseTitle,
			status: certificate.status,
			issuedAt: certificate.issuedAt
		}))
	};
}

export const load: PageServerLoad = (event) => {
	const admin = requireUser(event, 'admin');
	const target = loadTarget(event.params.id);
	const overview = overviewOf(target);
	return {
		target,
		isSelf: admin.id === event.params.id,
		overview,
		memberships:
			target.role === 'learner'
				? { current: overview.courses, choices: listCohortChoices() }
				: null,
		deletionRequest: getDeletionRequest(target.id) ?? null,
		authoring:
			target.role === 'trainer'
				? {
						granted: grantedCourseIds(target.id).map((courseId) => ({
							courseId,
							title: courseId === ALL_COURSES ? null : (getCourse(courseId)?.title ?? courseId)
						})),
						courses: getCatalogue().map((course) => ({ value: course.id, label: course.title }))
					}
				: null
	};
};

const cohortProblems = {
	not_found: () => m.cohorts_membership_error_not_found(),
	not_learner: () => m.cohorts_membership_error_not_learner(),
	already_in_cohort: () => m.cohorts_membership_error_already()
};

export const actions: Actions = {
	/** The studio right per course (or for all): trainers only, audited. */
	authoring: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		const form = await event.request.formData();
		if (target.role !== 'trainer')
			return formFailure(400, { kurs: m.studio_rights_only_trainers() });
		const courseId = String(form.get('kurs') ?? '');
		const grant = form.get('recht') !== 'entziehen';
		if (grant && courseId !== ALL_COURSES && !getCourse(courseId)) {
			return formFailure(400, { kurs: m.studio_rights_unknown_course() });
		}
		const changed = setAuthoring(admin, target.id, courseId, grant);
		if (!changed) return { saved: m.studio_rights_unchanged() };
		return { saved: grant ? m.studio_rights_granted() : m.studio_rights_revoked() };
	},
	/** Corrections by an admin: the e-mail address applies at once, both are audited. */
	profile: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		const parsed = parseForm(
			await event.request.formData(),
			adminProfileSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const { name, email } = parsed.data;
		const emailChange = changeEmailByAdmin(target.id, email, admin.id);
		if (!emailChange.ok) {
			return formFailure(400, { email: m.admin_error_email_taken() }, { name, email });
		}
		const nameChanged = changeName(target.id, name, admin.id);
		const changed = nameChanged || emailChange.changed;
		return { saved: changed ? m.admin_user_profile_saved() : m.admin_user_profile_unchanged() };
	},
	role: async (event) => {
		const admin = requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		const form = await event.request.formData();
		const role = roleSchema().safeParse(form.get('role'));
		if (!role.success) return formFailure(400, { role: role.error.issues[0]!.message });
		if (role.data === target.role) return { saved: m.admin_user_role_unchanged() };
		// A role decides what someone sees of everyone else: the change is asked for first.
		if (!isConfirmed(form)) {
			const cohortsRun = listManagedCohorts({ ...target, role: 'trainer' }).length;
			return { confirmRole: { role: role.data, cohortsRun } };
		}
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
		if (!isConfirmed(form)) return { confirmDeactivate: true };
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
		if (!isConfirmed(form)) {
			const preview = previewCohortAssignment(target.id, cohortId);
			if (!preview.ok) return formFailure(400, { cohortId: cohortProblems[preview.reason]() });
			return { confirmCohort: preview };
		}
		const result = assignLearnerToCohort(admin, target.id, cohortId, clientAddress(event));
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
		if (!isConfirmed(form)) return { confirmErase: { reason, keep } };
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
