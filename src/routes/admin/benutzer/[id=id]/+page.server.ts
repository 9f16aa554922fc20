import { m } from '$lib/paraglide/messages.js';
import { roleSchema } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { createPasswordReset, getUser, setUserActive, setUserRole } from '$lib/server/auth/users';
import { error } from '@sveltejs/kit';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

function loadTarget(id: string) {
	const user = getUser(id);
	if (!user) error(404, 'not found');
	return user;
}

export const load: PageServerLoad = (event) => {
	const admin = requireUser(event, 'admin');
	return { target: loadTarget(event.params.id), isSelf: admin.id === event.params.id };
};

export const actions: Actions = {
	role: async (event) => {
		requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		const form = await event.request.formData();
		const role = roleSchema().safeParse(form.get('role'));
		if (!role.success) return formFailure(400, { role: role.error.issues[0]!.message });
		if (!setUserRole(target.id, role.data)) {
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
		if (!setUserActive(target.id, false)) {
			return formFailure(400, { form: m.admin_error_last_admin() });
		}
		return { saved: m.admin_user_deactivated() };
	},
	activate: async (event) => {
		requireUser(event, 'admin');
		const target = loadTarget(event.params.id);
		setUserActive(target.id, true);
		return { saved: m.admin_user_activated() };
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
