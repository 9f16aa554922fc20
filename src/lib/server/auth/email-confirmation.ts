import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import { emailChanges, users } from '../db/schema';
import { mailLocaleOf, queueMail, type Locale } from '../mail';
import { generateToken, hashToken } from '../crypto/tokens';
import { EMAIL_CHANGE_VALIDITY_MS, emailConfirmPath } from './email-change';
import { reserveEmailChangeSlot } from './reset-throttle';

// Someone who registered through a link anyone could use (a cohort's shared link) has not shown
// that the address is theirs. They use the platform at once, but mail waits (mail/outbox.ts)
// until they open the link sent here. The link is a pending e-mail change to the address the
// account already has, so /email-bestaetigen and confirmEmailChange serve both.

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

/**
 * A fresh confirmation link for the account's current address, in the caller's transaction.
 * Like a new change request it replaces every open link of the account: only the latest works.
 */
export function sendAddressConfirmation(
	tx: Tx,
	user: { id: string; name: string; email: string },
	now: Date,
	locale: Locale = mailLocaleOf(user.id)
): void {
	tx.update(emailChanges)
		.set({ usedAt: now })
		.where(and(eq(emailChanges.userId, user.id), isNull(emailChanges.usedAt)))
		.run();
	const token = generateToken();
	tx.insert(emailChanges)
		.values({
			tokenHash: hashToken(token),
			userId: user.id,
			newEmail: user.email,
			expiresAt: new Date(now.getTime() + EMAIL_CHANGE_VALIDITY_MS),
			createdAt: now
		})
		.run();
	queueMail(
		{
			userId: user.id,
			to: user.email,
			locale,
			content: {
				kind: 'email_address_confirm',
				name: user.name,
				email: user.email,
				path: emailConfirmPath(token),
				validHours: EMAIL_CHANGE_VALIDITY_MS / 3_600_000
			}
		},
		tx,
		now
	);
}

/** The account's address while it still waits for confirmation; null once confirmed. */
export function unconfirmedAddressOf(userId: string): string | null {
	const row = getDb()
		.select({ email: users.email })
		.from(users)
		.where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)))
		.get();
	return row?.email ?? null;
}

export type ConfirmationResend = 'sent' | 'already_confirmed' | 'throttled';

/**
 * "Link erneut senden": a new link, counted against the same budget as e-mail change requests
 * (three in 15 minutes per account), so the button cannot be used to flood an inbox.
 */
export function resendAddressConfirmation(userId: string, now = new Date()): ConfirmationResend {
	const user = getDb()
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)))
		.get();
	if (!user) return 'already_confirmed';
	if (!reserveEmailChangeSlot(userId, now)) return 'throttled';
	getDb().transaction((tx) => sendAddressConfirmation(tx, user, now));
	return 'sent';
}
