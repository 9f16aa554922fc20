import { and, count, eq, gte, lt } from 'drizzle-orm';
import { getDb } from '../db';
import { loginFailures } from '../db/schema';
import { THROTTLE_WINDOW_MS } from './login-throttle';

// Throttles for "Passwort vergessen" and e-mail changes, in the shape of login-throttle.ts and on
// its table (rows older than the 15-minute window are cleared there). Each check reserves its
// slot in the same immediate transaction, so parallel requests cannot all slip through.

export function resetLimits() {
	return {
		/** Requests per IP address in 15 minutes; offices share one address. */
		perIp: Number(process.env.RESET_LIMIT_IP ?? 20),
		/** Mails per typed address in 15 minutes (whether or not an account exists). */
		perAddress: 1,
		/** E-mail change requests per account in 15 minutes. */
		emailChangesPerUser: 3
	};
}

const ipKey = (ip: string) => `reset-ip:${ip}`;
const addressKey = (email: string) => `reset-address:${email}`;
const emailChangeKey = (userId: string) => `email-change:${userId}`;

type Tx = Pick<ReturnType<typeof getDb>, 'select' | 'insert' | 'update' | 'delete'>;

function used(tx: Tx, key: string, since: Date): number {
	return (
		tx
			.select({ n: count() })
			.from(loginFailures)
			.where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)))
			.get()?.n ?? 0
	);
}

/** Takes a slot for `key` if fewer than `limit` were taken in the window; true when taken. */
function takeSlot(tx: Tx, key: string, limit: number, now: Date): boolean {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	tx.delete(loginFailures)
		.where(and(eq(loginFailures.key, key), lt(loginFailures.at, since)))
		.run();
	if (used(tx, key, since) >= limit) return false;
	tx.insert(loginFailures).values({ key, at: now }).run();
	return true;
}

export type ResetSlot = 'throttled' | 'mail' | 'no_mail';

/**
 * One reservation per "Passwort vergessen" request: the IP slot first (over the limit the
 * request is refused), then the address slot (taken: the request is answered the same way but
 * sends nothing). `then` runs inside the same transaction when a mail may go out.
 */
export function reserveResetSlot(
	email: string,
	ip: string,
	then: (tx: Tx) => void,
	now = new Date()
): ResetSlot {
	const limits = resetLimits();
	return getDb().transaction(
		(tx): ResetSlot => {
			if (!takeSlot(tx, ipKey(ip), limits.perIp, now)) return 'throttled';
			if (!takeSlot(tx, addressKey(email), limits.perAddress, now)) return 'no_mail';
			then(tx);
			return 'mail';
		},
		{ behavior: 'immediate' }
	);
}

export function reserveEmailChangeSlot(userId: string, now = new Date()): boolean {
	const limits = resetLimits();
	return getDb().transaction(
		(tx) => takeSlot(tx, emailChangeKey(userId), limits.emailChangesPerUser, now),
		{
			behavior: 'immediate'
		}
	);
}
