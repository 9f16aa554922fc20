import { formatDate, formatDateTime } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { createDueReminders } from '$lib/server/assignments/reminders';
import { getItem } from '$lib/server/content';
import {
	listNotifications,
	markAllRead,
	markRead,
	type NotificationEntry
} from '$lib/server/notifications';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

/** The message in the reader's language, with the item's current title. */
function describe(entry: NotificationEntry): string {
	const title = getItem(entry.data.itemId ?? '')?.title ?? entry.data.itemTitle ?? '';
	switch (entry.kind) {
		case 'login_locked':
			return m.security_notification_login_locked({
				attempts: entry.data.attempts ?? 1,
				at: entry.data.lastAt ? formatDateTime(entry.data.lastAt) : ''
			});
		case 'feedback_received':
			return entry.data.decision === 'accepted'
				? m.assignments_notification_feedback_accepted({ title })
				: m.assignments_notification_feedback_revision({ title });
		case 'assignment_due':
			return m.assignments_notification_due({
				title,
				date: entry.data.dueOn ? formatDate(`${entry.data.dueOn}T12:00:00Z`) : ''
			});
		case 'submission_to_review':
			return m.assignments_notification_to_review({ title, name: entry.data.learnerName ?? '' });
	}
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	if (user.role === 'learner') createDueReminders(new Date(), user.id);
	const page = Math.min(
		10_000,
		Math.max(1, Number.parseInt(event.url.searchParams.get('seite') ?? '1', 10) || 1)
	);
	const result = listNotifications(user.id, page);
	return {
		...result,
		rows: result.rows.map((entry) => ({
			id: entry.id,
			text: describe(entry),
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
