import { and, count, eq, gte, lt } from 'drizzle-orm';
import { getDb } from '../db';
import { loginFailures } from '../db/schema';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** Limits per window; the IP limit is higher because offices share one address. */
export function throttleLimits() {
	return {
		perAccount: Number(process.env.LOGIN_LIMIT_ACCOUNT ?? 5),
		perIp: Number(process.env.LOGIN_LIMIT_IP ?? 30)
	};
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

function failuresSince(key: string, since: Date): number {
	const row = getDb()
		.select({ n: count() })
		.from(loginFailures)
		.where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)))
		.get();
	return row?.n ?? 0;
}

/**
 * Counted per typed email whether or not an account exists, so the throttle itself does not
 * reveal which addresses are registered.
 */
export function isLoginThrottled(email: string, ip: string, now = new Date()): boolean {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const limits = throttleLimits();
	return (
		failuresSince(accountKey(email), since) >= limits.perAccount ||
		failuresSince(ipKey(ip), since) >= limits.perIp
	);
}

export function recordLoginFailure(email: string, ip: string, now = new Date()): void {
	const db = getDb();
	db.insert(loginFailures)
		.values([
			{ key: accountKey(email), at: now },
			{ key: ipKey(ip), at: now }
		])
		.run();
	db.delete(loginFailures)
		.where(lt(loginFailures.at, new Date(now.getTime() - THROTTLE_WINDOW_MS)))
		.run();
}

export function clearAccountFailures(email: string): void {
	getDb()
		.delete(loginFailures)
		.where(eq(loginFailures.key, accountKey(email)))
		.run();
}
