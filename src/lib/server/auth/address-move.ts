import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { mailLocaleOf, queueMail } from '../mail';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export type AddressOwner = { name: string; email: string; confirmedAt: Date | null };

/**
 * Moves an account to a new, proven address and tells the old one, if it was ever confirmed (an
 * unconfirmed address may belong to someone else, so it gets no mail). Both ways to change an
 * address, the owner's confirmation link and an admin's edit, go through here.
 */
export function moveAccountToAddress(
	tx: Tx,
	userId: string,
	owner: AddressOwner,
	newEmail: string,
	now: Date
) {
	tx.update(users)
		.set({ email: newEmail, emailConfirmedAt: now })
		.where(eq(users.id, userId))
		.run();
	if (!owner.confirmedAt) return;
	queueMail(
		{
			userId,
			to: owner.email,
			locale: mailLocaleOf(userId),
			content: { kind: 'email_changed', name: owner.name, newEmail, at: now }
		},
		tx,
		now
	);
}
