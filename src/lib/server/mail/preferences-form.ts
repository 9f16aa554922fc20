import { m } from '$lib/paraglide/messages.js';
import { z } from 'zod';
import { mailFrequencies, notificationMailKinds, type NotificationMailKind } from '$lib/mail';
import type { Role } from '../db/schema';

/** Kinds a user can receive: new submissions only matter to trainers and admins. */
export function mailKindsFor(role: Role): NotificationMailKind[] {
	return notificationMailKinds.filter(
		(kind) => kind !== 'submission_to_review' || role !== 'learner'
	);
}

/** The account page's mail settings; built per request so messages use the request's locale. */
export const mailSettingsSchema = (role: Role) =>
	z.object({
		locale: z.enum(['de', 'en'], { error: m.mail_settings_error_locale() }),
		...Object.fromEntries(
			mailKindsFor(role).map((kind) => [
				kind,
				z.enum(mailFrequencies, { error: m.mail_settings_error_frequency() }).optional()
			])
		)
	}) as z.ZodType<
		{ locale: 'de' | 'en' } & Partial<
			Record<NotificationMailKind, (typeof mailFrequencies)[number]>
		>
	>;
