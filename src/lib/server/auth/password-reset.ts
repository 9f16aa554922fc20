import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { passwordResetRequests, passwordResets, users } from '../db/schema';
import { mailLocaleOf, queueMail, wakeMailWorker } from '../mail';
import { reserveResetSlot, type ResetSlot } from './reset-throttle';
import { generateToken, hashToken } from '../crypto/tokens';
import { normaliseEmail } from './users';

/** Self-service links are short-lived; the admin's link (users.ts) lasts a day. */
export const SELF_SERVICE_RESET_MS = 60 * 60 * 1000;

export const resetPath = (token: string) => `/passwort-zuruecksetzen/${token}`;

/**
 * "Passwort vergessen": stores the typed address and nothing else, for known and unknown
 * addresses alike, so neither the answer nor its timing tells whether an account exists. The
 * mail worker looks for the account afterwards (processPasswordResetRequests).
 */
export function requestPasswordReset(
	email: string,
	ip: string,
	locale: 'de' | 'en',
	now = new Date()
): Exclude<ResetSlot, 'no_mail'> | 'accepted' {
	const address = normaliseEmail(email);
	const slot = reserveResetSlot(
		address,
		ip,
		(tx) => {
			tx.insert(passwordResetRequests).values({ email: address, locale, requestedAt: now }).run();
		},
		now
	);
	if (slot === 'throttled') return 'throttled';
	if (slot === 'mail') wakeMailWorker();
	return 'accepted';
}

/**
 * Turns stored requests into reset mails for active accounts and forgets the others. Token, mail
 * and the removal of the request share one transaction: with several processes each request
 * becomes at most one mail.
 */
export function processPasswordResetRequests(now = new Date()): number {
	const db = getDb();
	// Runs on every poll: without pending requests it must not take the write lock.
	if (!db.select({ id: passwordResetRequests.id }).from(passwordResetRequests).limit(1).get()) {
		return 0;
	}
	return db.transaction(
		(tx) => {
			const requests = tx
				.select()
				.from(passwordResetRequests)
				.orderBy(asc(passwordResetRequests.id))
				.limit(100)
				.all();
			let mailed = 0;
			for (const request of requests) {
				tx.delete(passwordResetRequests).where(eq(passwordResetRequests.id, request.id)).run();
				const user = tx
					.select({ id: users.id, name: users.name, email: users.email })
					.from(users)
					.where(and(eq(users.email, request.email), eq(users.active, true)))
					.get();
				if (!user) continue;
				const token = generateToken();
				tx.insert(passwordResets)
					.values({
						tokenHash: hashToken(token),
						userId: user.id,
						createdBy: user.id,
						expiresAt: new Date(now.getTime() + SELF_SERVICE_RESET_MS)
					})
					.run();
				queueMail(
					{
						userId: user.id,
						to: user.email,
						locale: request.locale === 'en' ? 'en' : mailLocaleOf(user.id),
						content: {
							kind: 'password_reset',
							name: user.name,
							path: resetPath(token),
							validMinutes: SELF_SERVICE_RESET_MS / 60_000
						}
					},
					tx,
					now
				);
				recordAudit(
					{
						actorId: null,
						action: 'user.password_reset_mailed',
						objectType: 'user',
						objectId: user.id,
						subjectUserId: user.id
					},
					tx,
					now
				);
				mailed += 1;
			}
			return mailed;
		},
		{ behavior: 'immediate' }
	);
}
