import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { getDb } from '../db';
import { users } from '../db/schema';
import { queueMail } from '../mail';
import { perIpThrottle } from '../throttle';
import { withoutControls } from '../validation/text';
import { accessibilityContact, getOperatorSettings } from './settings';

export const DESCRIPTION_MAX = 5000;

/** Public form: limited per address, so it cannot be used to flood the operator's inbox. */
export const barrierReportThrottle = perIpThrottle(
	'barrier-report',
	{ max: 5, windowSeconds: 60 * 60 },
	{ max: 'BARRIER_REPORT_LIMIT_IP' }
);

const text = (max: number) =>
	z.string().overwrite(withoutControls).trim().max(max, m.certificates_error_too_long({ max }));

export const barrierReportSchema = () =>
	z.object({
		page: text(300).default(''),
		description: text(DESCRIPTION_MAX).min(1, m.operator_barrier_error_description()),
		email: text(254)
			.default('')
			.refine(
				(value) => value === '' || z.email().safeParse(value).success,
				m.auth_error_email_invalid()
			)
	});

export type BarrierReport = z.output<ReturnType<typeof barrierReportSchema>>;

/**
 * Sends the report to the operator's accessibility contact; while none is set, to every active
 * admin, so a report never goes nowhere. Returns how many mails were queued.
 */
export function reportBarrier(report: BarrierReport, now = new Date()): number {
	const content = {
		kind: 'barrier_report' as const,
		page: report.page,
		description: report.description,
		replyTo: report.email
	};
	const contact = accessibilityContact(getOperatorSettings());
	const db = getDb();
	const recipients = contact
		? [{ id: null, email: contact }]
		: db
				.select({ id: users.id, email: users.email })
				.from(users)
				.where(and(eq(users.role, 'admin'), eq(users.active, true)))
				.all();
	db.transaction((tx) => {
		for (const recipient of recipients) {
			queueMail({ userId: recipient.id, to: recipient.email, locale: 'de', content }, tx, now);
		}
	});
	return recipients.length;
}
