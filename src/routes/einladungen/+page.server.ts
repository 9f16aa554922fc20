import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { inviteSchema } from '$lib/server/auth/invite-form';
import {
	createInvite,
	inviteStatus,
	listInvites,
	registrationPath,
	revokeInvite
} from '$lib/server/auth/invites';
import { canManageCohort, listManagedCohorts } from '$lib/server/cohorts/access';
import { formFailure, parseForm } from '$lib/server/validation/form';

import type { Actions, PageServerLoad } from './$types';

const DAY = 24 * 60 * 60 * 1000;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const invites = listInvites({ createdBy: user.role === 'admin' ? undefined : user.id });
	return {
		canChooseRole: user.role === 'admin',
		cohorts: listManagedCohorts(user).map(({ id, name }) => ({ id, name })),
		invites: invites.map((invite) => ({ ...invite, status: inviteStatus(invite) }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event, 'trainer');
		const parsed = parseForm(
			await event.request.formData(),
			inviteSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const invite = parsed.data;
		if (user.role !== 'admin' && invite.role !== 'learner') {
			return formFailure(403, { role: m.admin_invite_error_role_forbidden() });
		}
		if (invite.cohortId && !canManageCohort(user, invite.cohortId)) {
			return formFailure(403, { cohortId: m.admin_invite_error_cohort() });
		}
		const expiresAt = new Date(Date.now() + invite.validDays * DAY);
		const { token, mailed } = createInvite({ ...invite, expiresAt, createdBy: user.id });
		return {
			created: {
				link: `${event.url.origin}${registrationPath(token)}`,
				expiresAt,
				mailedTo: mailed ? invite.email : null
			}
		};
	},
	revoke: async (event) => {
		const user = requireUser(event, 'trainer');
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		if (form.get('bestaetigt') !== 'ja') return { confirmRevoke: id };
		const revoked = revokeInvite(id, user.role === 'admin' ? null : user.id, user.id);
		if (!revoked) return formFailure(404, { form: m.admin_invite_error_not_found() });
		return { revoked: true };
	}
};
