import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { createDueReminders } from '$lib/server/assignments/reminders';
import {
	describeNotification,
	listNotifications,
	markAllRead,
	markRead
} from '$lib/server/notifications';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	if (user.role === 'learner') createDueReminders(new Date(), user.id);
	const page = pageParam(event.url.searchParams);
	const result = listNotifications(user.id, page);
	return {
		...result,
		rows: result.rows.map((entry) => ({
			id: entry.id,
			text: describeNotification(entry),
			link: entry.link,
			createdAt: entry.createdAt,
			read: entry.readAt !== null
		}))
	};
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireUser(event);
		const id = (await event.request.formData()).get('id');
		if (typeof id !== 'string' || !markRead(user.id, id)) {
			return formFailure(404, { form: m.assignments_notifications_not_found() });
		}
		return { read: true };
	},
	readAll: async (event) => {
		const user = requireUser(event);
		markAllRead(user.id);
		return { allRead: true };
	}
};
