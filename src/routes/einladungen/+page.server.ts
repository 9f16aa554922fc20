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
import { canManageCohort, listManagedCohortChoices } from '$lib/server/cohorts/access';
import { formFailure, parseForm } from '$lib/server/validation/form';

import { fail } from '@sveltejs/kit';
import { earlierLinks } from './earlier-links';
import type { Actions, PageServerLoad } from './$types';
import { isConfirmed } from '$lib/server/http/confirm';
import { pageParam } from '$lib/server/http/page-param';

const DAY = 24 * 60 * 60 * 1000;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const invites = listInvites({
		createdBy: user.role === 'admin' ? undefined : user.id,
		page: pageParam(event.url.searchParams)
	});
	const cohorts = listManagedCohortChoices(user).map(({ id, label }) => ({ id, label }));
	// Coming from a cohort page (?lehrgang=…), the invitation is for that cohort.
	const wanted = event.url.searchParams.get('lehrgang');
	return {
		preselectedCohort: cohorts.some((cohort) => cohort.id === wanted) ? wanted : null,
		canChooseRole: user.role === 'admin',
		cohorts,
		invites: {
			...invites,
			rows: invites.rows.map((invite) => ({ ...invite, status: inviteStatus(invite) }))
		}
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event, 'trainer');
		const data = await event.request.formData();
		const earlier = earlierLinks(data, event.url.origin);
		data.delete('earlier');
		// The form keeps what was typed after a submit, refused or not, for the next invitation.
		const values = Object.fromEntries(
			[...data].filter((entry): entry is [string, string] => typeof entry[1] === 'string')
		);
		const parsed = parseForm(data, inviteSchema(), m.common_error_duplicate_field());
		const refuse = (status: number, errors: Record<string, string>) =>
			fail(status, { errors, values, earlier });
		if (!parsed.success) return refuse(400, parsed.errors);
		const invite = parsed.data;
		if (user.role !== 'admin' && invite.role !== 'learner') {
			return refuse(403, { role: m.admin_invite_error_role_forbidden() });
		}
		if (invite.cohortId && !canManageCohort(user, invite.cohortId)) {
			return refuse(403, { cohortId: m.admin_invite_error_cohort() });
		}
		const expiresAt = new Date(Date.now() + invite.validDays * DAY);
		const { token, mailed } = createInvite({ ...invite, expiresAt, createdBy: user.id });
		return {
			created: {
				link: `${event.url.origin}${registrationPath(token)}`,
				expiresAt,
				mailedTo: mailed ? invite.email : null
			},
			values,
			earlier
		};
	},
	revoke: async (event) => {
		const user = requireUser(event, 'trainer');
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		if (!isConfirmed(form)) return { confirmRevoke: id };
		const revoked = revokeInvite(id, user.role === 'admin' ? null : user.id, user.id);
		if (!revoked) return formFailure(404, { form: m.admin_invite_error_not_found() });
		return { revoked: true };
	}
};
