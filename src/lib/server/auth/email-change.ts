import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { getDb, type Db } from '../db';
import { emailChanges, users } from '../db/schema';
import { mailLocaleOf, queueMail } from '../mail';
import { moveAccountToAddress } from './address-move';
import { checkCurrentPassword } from './login';
import { reserveEmailChangeSlot } from './reset-throttle';
import type { SessionUser } from './session';
import { generateToken, hashToken } from '../crypto/tokens';
import { normaliseEmail } from './users';
import { isUniqueViolation } from '../db/errors';

export const EMAIL_CHANGE_VALIDITY_MS = 24 * 60 * 60 * 1000;

export const emailConfirmPath = (token: string) => `/email-bestaetigen/${token}`;

export type EmailChangeRequest =
	{ ok: true } | { ok: false; reason: 'wrong_password' | 'same_address' | 'throttled' };

/**
 * A signed-in user asks to move their account to a new address. Nothing changes yet: the new
 * address receives a confirmation link. If the address already belongs to an account, its owner
 * gets a notice instead, and the page answers the same either way (no probing for accounts).
 */
export async function requestEmailChange(
	user: SessionUser,
	newEmail: string,
	currentPassword: string,
	ip: string,
	now = new Date()
): Promise<EmailChangeRequest> {
	const address = normaliseEmail(newEmail);
	// Wrong current passwords count like failed logins (and share their limit).
	const check = await checkCurrentPassword(user.email, currentPassword, ip);
	if (check === 'throttled') return { ok: false, reason: 'throttled' };
	if (check === 'wrong') return { ok: false, reason: 'wrong_password' };
	if (address === normaliseEmail(user.email)) return { ok: false, reason: 'same_address' };
	if (!reserveEmailChangeSlot(user.id, now)) return { ok: false, reason: 'throttled' };
	const token = generateToken();
	getDb().transaction((tx) => {
		// A newer request replaces older ones: only the latest link works.
		tx.update(emailChanges)
			.set({ usedAt: now })
			.where(and(eq(emailChanges.userId, user.id), isNull(emailChanges.usedAt)))
			.run();
		const owner = tx.select({ id: users.id }).from(users).where(eq(users.email, address)).get();
		if (owner) {
			queueMail(
				{
					userId: owner.id,
					to: address,
					locale: mailLocaleOf(owner.id),
					content: { kind: 'email_change_taken' }
				},
				tx,
				now
			);
		} else {
			tx.insert(emailChanges)
				.values({
					tokenHash: hashToken(token),
					userId: user.id,
					newEmail: address,
					expiresAt: new Date(now.getTime() + EMAIL_CHANGE_VALIDITY_MS),
					createdAt: now
				})
				.run();
			queueMail(
				{
					userId: user.id,
					to: address,
					locale: mailLocaleOf(user.id),
					content: {
						kind: 'email_change_confirm',
						name: user.name,
						newEmail: address,
						path: emailConfirmPath(token),
						validHours: EMAIL_CHANGE_VALIDITY_MS / 3_600_000
					}
				},
				tx,
				now
			);
		}
		recordAudit(
			{
				actorId: user.id,
				action: 'user.email_change_requested',
				objectType: 'user',
				objectId: user.id,
				subjectUserId: user.id
			},
			tx,
			now
		);
	});
	return { ok: true };
}

export type AddressConfirmation = 'link' | 'password_reset';

/**
 * The account's address is proven (a link opened from it, a reset mailed to it): mail to it may go
 * out again. In the caller's transaction; false when it was confirmed already.
 */
export function markAddressConfirmed(
	tx: Pick<Db, 'insert' | 'update'>,
	userId: string,
	via: AddressConfirmation,
	now: Date,
	ip: string | null = null
): boolean {
	const confirmed = tx
		.update(users)
		.set({ emailConfirmedAt: now })
		.where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)))
		.run();
	if (confirmed.changes !== 1) return false;
	recordAudit(
		{
			// Whoever opened a reset link is not known (as for the reset itself).
			actorId: via === 'link' ? userId : null,
			action: 'user.email_confirmed',
			objectType: 'user',
			objectId: userId,
			subjectUserId: userId,
			ip,
			details: { via }
		},
		tx,
		now
	);
	return true;
}

/**
 * The pending change a confirmation link stands for, if it is still valid. `confirmsAddress`: the
 * link confirms the address the account already has (after registering through a shared link).
 */
export function findPendingEmailChange(token: string, now = new Date()) {
	const row = getDb()
		.select({
			userId: emailChanges.userId,
			newEmail: emailChanges.newEmail,
			expiresAt: emailChanges.expiresAt,
			usedAt: emailChanges.usedAt,
			active: users.active,
			name: users.name,
			email: users.email
		})
		.from(emailChanges)
		.innerJoin(users, eq(users.id, emailChanges.userId))
		.where(eq(emailChanges.tokenHash, hashToken(token)))
		.get();
	if (!row || row.usedAt || !row.active || row.expiresAt <= now) return null;
	return {
		userId: row.userId,
		newEmail: row.newEmail,
		name: row.name,
		confirmsAddress: row.newEmail === row.email
	};
}

export type EmailChangeConfirmation =
	| { ok: true; userId: string; newEmail: string; confirmsAddress: boolean }
	| { ok: false; reason: 'invalid' | 'taken' };

/**
 * Confirmed from the new address: the account moves, the link is used up, and the old address is
 * told (a security mail that cannot be switched off), unless it was never confirmed itself. A link
 * for the address the account already has only confirms it. All in one transaction.
 */
export function confirmEmailChange(
	token: string,
	now = new Date(),
	ip: string | null = null
): EmailChangeConfirmation {
	const pending = findPendingEmailChange(token, now);
	if (!pending) return { ok: false, reason: 'invalid' };
	try {
		return getDb().transaction((tx): EmailChangeConfirmation => {
			const claimed = tx
				.update(emailChanges)
				.set({ usedAt: now })
				.where(and(eq(emailChanges.tokenHash, hashToken(token)), isNull(emailChanges.usedAt)))
				.run();
			if (claimed.changes !== 1) return { ok: false, reason: 'invalid' };
			const user = tx
				.select({ name: users.name, email: users.email, confirmedAt: users.emailConfirmedAt })
				.from(users)
				.where(eq(users.id, pending.userId))
				.get()!;
			const { userId, newEmail } = pending;
			if (newEmail === user.email) {
				markAddressConfirmed(tx, userId, 'link', now, ip);
				return { ok: true, userId, newEmail, confirmsAddress: true };
			}
			// Opening the link proved the new address.
			moveAccountToAddress(tx, userId, user, newEmail, now);
			recordAudit(
				{
					actorId: pending.userId,
					action: 'user.email_changed',
					objectType: 'user',
					objectId: pending.userId,
					subjectUserId: pending.userId,
					ip
				},
				tx,
				now
			);
			return { ok: true, userId, newEmail, confirmsAddress: false };
		});
	} catch (error) {
		// Someone registered the address in the meantime: nothing changed.
		if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
		throw error;
	}
}
