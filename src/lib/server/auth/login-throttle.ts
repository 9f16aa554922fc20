import { clearSlots, loginLimits, releaseSlots, reserveSlots } from '../throttle';

// Failed logins are counted per (account, address) pair, per account over all addresses (a much
// higher ceiling) and per address. Counted per typed e-mail whether or not an account exists,
// so the throttle itself does not reveal which addresses are registered.

const account = (email: string) => email.trim().toLowerCase();

export type LoginReservation =
	| { ok: true; ids: number[] }
	| {
			ok: false;
			/** The account's own limit (not only the address's) was reached. */ accountLocked: boolean;
	  };

/**
 * Reserves the slot a failed attempt would use, before the password is checked: parallel
 * attempts can never check more passwords than the limit allows. A success gives it back.
 */
export function reserveLoginAttempt(email: string, ip: string, now = new Date()): LoginReservation {
	const limits = loginLimits();
	const window = (max: number) => ({ max, windowMs: limits.windowMs });
	const reservation = reserveSlots(
		[
			{
				bucket: 'login-pair',
				value: `${account(email)}|${ip}`,
				limit: window(limits.perAccountAndIp)
			},
			{ bucket: 'login-account', value: account(email), limit: window(limits.perAccount) },
			{ bucket: 'login-ip', value: ip, limit: window(limits.perIp) }
		],
		now
	);
	if (reservation.ok) return reservation;
	return { ok: false, accountLocked: reservation.refused.some((bucket) => bucket !== 'login-ip') };
}

/**
 * Whether a refused attempt is the first for this account and address in the current window.
 * Only that one goes to the audit log: the log shows that and from where an account was under
 * attack, while a script hammering the form cannot flood it (one entry per address and window).
 */
export function firstRefusalInWindow(email: string, ip: string, now = new Date()): boolean {
	const limit = { max: 1, windowMs: loginLimits().windowMs };
	return reserveSlots([{ bucket: 'login-refused', value: `${account(email)}|${ip}`, limit }], now)
		.ok;
}

/** A correct password: the reserved slot was not a failure, and this pair starts afresh. */
export function loginSucceeded(reservation: { ids: number[] }, email: string, ip: string): void {
	releaseSlots(reservation.ids);
	clearSlots('login-pair', `${account(email)}|${ip}`);
}

/** The check did not happen after all (e.g. a deactivated account): nothing to count. */
export function loginNotCounted(reservation: { ids: number[] }): void {
	releaseSlots(reservation.ids);
}
