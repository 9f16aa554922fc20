import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { users } from '../db/schema';

/** Only the name: a reviewer needs no more of the learner's account. */
export function findUserName(userId: string): string {
	return (
		getDb().select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? ''
	);
}
