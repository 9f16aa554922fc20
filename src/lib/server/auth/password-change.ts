import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit, type AuditAction } from '../audit';
import { getDb, type Db } from '../db';
import { emailChanges, passwordResets, users } from '../db/schema';
import { markAddressConfirmed } from './email-change';
import { mailLocaleOf, queueMail } from '../mail';
import { generateToken, hashToken } from '../crypto/tokens';
import { hashPassword } from './password';
import { invalidateUserSessions } from './session';

// Every way a password comes to be set or can be set by someone else is audited and told to the
// person by a security mail (always sent, no unsubscribe): a stolen session or a careless admin
// must not be able to take over an account unnoticed.

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

function personOf(tx: Tx, userId: string) {
	return tx
		.select({ name: users.name, email: users.email })
		.from(users)
		.where(eq(users.id, userId))
		.get();
}

/** Stores the new hash, records who did it and tells the person, in the caller's transaction. */
function storePassword(
	tx: Tx,
	userId: string,
	passwordHash: string,
	audit: { action: AuditAction; actorId: string | null; details?: Record<string, unknown> },
	now: Date
): void {
	const person = personOf(tx, userId);
	if (!person) return;
	tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
	recordAudit({ ...audit, objectType: 'user', objectId: userId, subjectUserId: userId }, tx, now);
	queueMail(
		{
			userId,
			to: person.email,
			locale: mailLocaleOf(userId),
			content: {
				kind: 'password_changed',
				name: person.name,
				at: now,
				how: audit.action === 'user.password_reset' ? 'reset' : 'changed'
			}
		},
		tx,
		now
	);
}

/**
 * The signed-in person sets a new password (after confirming the current one). All sessions end;
 * the caller opens a fresh one for the current device.
 */
export async function changeOwnPassword(
	userId: string,
	password: string,
	now = new Date()
): Promise<void> {
	const passwordHash = await hashPassword(password);
	getDb().transaction((tx) =>
		storePassword(
			tx,
			userId,
			passwordHash,
			{ action: 'user.password_changed', actorId: userId },
			now
		)
	);
	invalidateUserSessions(userId);
}

export const RESET_VALIDITY_MS = 24 * 60 * 60 * 1000;

/**
 * An admin makes a link to hand over in person (no mail carries it). The person is told that a
 * link exists and by whom, so a link made for someone else's account does not go unnoticed.
 */
export function createPasswordReset(userId: string, createdBy: string, now = new Date()) {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + RESET_VALIDITY_MS);
	getDb().transaction((tx) => {
		tx.insert(passwordResets)
			.values({ tokenHash: hashToken(token), userId, createdBy, expiresAt })
			.run();
		recordAudit(
			{
				actorId: createdBy,
				action: 'user.password_reset_link_created',
				objectType: 'user',
				objectId: userId,
				subjectUserId: userId,
				details: { expiresAt: expiresAt.toISOString() }
			},
			tx,
			now
		);
		const person = personOf(tx, userId);
		const admin = personOf(tx, createdBy);
		if (!person) return;
		queueMail(
			{
				userId,
				to: person.email,
				locale: mailLocaleOf(userId),
				content: {
					kind: 'password_reset_link_created',
					name: person.name,
					adminName: admin?.name ?? '',
					at: now,
					expiresAt
				}
			},
			tx,
			now
		);
	});
	return { token, expiresAt };
}

export function findValidPasswordReset(token: string, now = new Date()) {
	const row = getDb()
		.select({
			tokenHash: passwordResets.tokenHash,
			userId: passwordResets.userId,
			createdBy: passwordResets.createdBy,
			expiresAt: passwordResets.expiresAt,
			usedAt: passwordResets.usedAt,
			email: users.email,
			name: users.name,
			active: users.active
		})
		.from(passwordResets)
		.innerJoin(users, eq(users.id, passwordResets.userId))
		.where(eq(passwordResets.tokenHash, hashToken(token)))
		.get();
	if (!row || row.usedAt || !row.active || row.expiresAt <= now) return null;
	return row;
}

/**
 * A new password through a link (self-service or an admin's). Whoever holds the link is not
 * known, so the entry has no actor; it names who made the link and keeps the address.
 */
export async function completePasswordReset(
	token: string,
	password: string,
	now = new Date()
): Promise<boolean> {
	const reset = findValidPasswordReset(token, now);
	if (!reset) return false;
	const passwordHash = await hashPassword(password);
	const done = getDb().transaction((tx) => {
		const used = tx
			.update(passwordResets)
			.set({ usedAt: now })
			.where(and(eq(passwordResets.tokenHash, reset.tokenHash), isNull(passwordResets.usedAt)))
			.run();
		if (used.changes !== 1) return false;
		// Any other link still open for the account (an earlier request, the admin's) is void now,
		// and so is an open address change: whoever set it up may be who the reset locks out.
		tx.update(passwordResets)
			.set({ usedAt: now })
			.where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)))
			.run();
		tx.update(emailChanges)
			.set({ usedAt: now })
			.where(and(eq(emailChanges.userId, reset.userId), isNull(emailChanges.usedAt)))
			.run();
		// A link the person asked for came by mail, which proves the address; an admin's link is
		// handed over in person and proves nothing about it.
		if (reset.createdBy === reset.userId) {
			markAddressConfirmed(tx, reset.userId, 'password_reset', now);
		}
		storePassword(
			tx,
			reset.userId,
			passwordHash,
			{
				action: 'user.password_reset',
				actorId: null,
				details: { linkCreatedBy: reset.createdBy }
			},
			now
		);
		return true;
	});
	if (done) invalidateUserSessions(reset.userId);
	return done;
}
