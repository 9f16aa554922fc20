import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { emailChanges, users } from '../db/schema';
import { moveAccountToAddress } from './address-move';
import { normaliseEmail } from './users';

/**
 * A person's name as it appears on new certificates. Certificates already issued keep the name
 * they were issued with until they are reissued on request.
 */
export function changeName(userId: string, name: string, actorId: string, now = new Date()) {
	return getDb().transaction((tx) => {
		const before = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
		if (!before || before.name === name) return false;
		tx.update(users).set({ name }).where(eq(users.id, userId)).run();
		recordAudit(
			{
				actorId,
				action: 'user.updated',
				objectType: 'user',
				objectId: userId,
				subjectUserId: userId,
				details: { field: 'name', from: before.name, to: name }
			},
			tx,
			now
		);
		return true;
	});
}

export type AdminEmailChange = { ok: true; changed: boolean } | { ok: false; reason: 'taken' };

/**
 * An admin corrects an address (a typo at registration, a person without access to the old one).
 * It takes effect at once and counts as confirmed, as for an account an admin creates; the old
 * address is told, as after a confirmed change (unless it never was confirmed). Open confirmation
 * links end: one for the old address would otherwise move the account back.
 */
export function changeEmailByAdmin(
	userId: string,
	newEmail: string,
	actorId: string,
	now = new Date()
): AdminEmailChange {
	const address = normaliseEmail(newEmail);
	return getDb().transaction((tx): AdminEmailChange => {
		const user = tx
			.select({ name: users.name, email: users.email, confirmedAt: users.emailConfirmedAt })
			.from(users)
			.where(eq(users.id, userId))
			.get();
		if (!user || user.email === address) return { ok: true, changed: false };
		const owner = tx.select({ id: users.id }).from(users).where(eq(users.email, address)).get();
		if (owner) return { ok: false, reason: 'taken' };
		tx.update(emailChanges)
			.set({ usedAt: now })
			.where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt)))
			.run();
		moveAccountToAddress(tx, userId, user, address, now);
		recordAudit(
			{
				actorId,
				action: 'user.email_changed',
				objectType: 'user',
				objectId: userId,
				subjectUserId: userId,
				details: { from: user.email, to: address, by: 'admin' }
			},
			tx,
			now
		);
		return { ok: true, changed: true };
	});
}
