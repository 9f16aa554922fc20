import { and, count, eq, gt, lt } from 'drizzle-orm';
import { getDb } from '../db';
import { throttleEvents } from '../db/schema';
import { throttleKey } from '../throttle/slots';
import { envPositive } from '../config/env';

// Throttles for "Passwort vergessen" and e-mail changes, on the table of all count limits
// (throttle/slots.ts). Each check reserves its slot in the same immediate transaction, so
// parallel requests cannot all slip through; the address slot decides inside that transaction
// whether a mail goes out, which reserveSlots() (all or nothing) cannot express.

const WINDOW_MS = 15 * 60 * 1000;

export function resetLimits() {
	return {
		/** Requests per IP address in 15 minutes; offices share one address. */
		perIp: envPositive('RESET_LIMIT_IP', 20),
		/** Mails per typed address in 15 minutes (whether or not an account exists). */
		perAddress: 1,
		/** E-mail change requests per account in 15 minutes. */
		emailChangesPerUser: 3
	};
}

const ipKey = (ip: string) => throttleKey('reset-ip', ip);
const addressKey = (email: string) => throttleKey('reset-address', email);
const emailChangeKey = (userId: string) => throttleKey('email-change', userId);

type Tx = Pick<ReturnType<typeof getDb>, 'select' | 'insert' | 'update' | 'delete'>;

function used(tx: Tx, key: string, since: Date): number {
	return (
		tx
			.select({ n: count() })
			.from(throttleEvents)
			.where(and(eq(throttleEvents.key, key), gt(throttleEvents.at, since)))
			.get()?.n ?? 0
	);
}

/** Takes a slot for `key` if fewer than `limit` were taken in the window; true when taken. */
function takeSlot(tx: Tx, key: string, limit: number, now: Date): boolean {
	const since = new Date(now.getTime() - WINDOW_MS);
	tx.delete(throttleEvents)
		.where(and(eq(throttleEvents.key, key), lt(throttleEvents.at, since)))
		.run();
	if (used(tx, key, since) >= limit) return false;
	tx.insert(throttleEvents).values({ key, at: now }).run();
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
