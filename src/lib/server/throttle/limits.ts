import { perIpThrottle } from './per-ip';
import { envPositive } from '../config/env';

// Every limit of the platform and the environment variable that changes it (README lists them).

const MINUTE = 60_000;

/** Failed logins (and wrong current passwords) in a 15-minute window. */
export function loginLimits() {
	return {
		/** Per account *and* address: a stranger elsewhere cannot lock the owner out. */
		perAccountAndIp: envPositive('LOGIN_LIMIT_ACCOUNT', 5),
		/** Per account from all addresses: stops guessing spread over many addresses. */
		perAccount: envPositive('LOGIN_LIMIT_ACCOUNT_TOTAL', 100),
		/** Per address over all accounts; high, because offices share one address. */
		perIp: envPositive('LOGIN_LIMIT_IP', 30),
		windowMs: 15 * MINUTE
	};
}

/** Registrations that reach the password hash, per address (a class may register together). */
export const registrationThrottle = perIpThrottle(
	'register',
	{ max: 30, windowSeconds: 15 * 60 },
	{ max: 'REGISTER_LIMIT_IP' }
);

/** New passwords set through a reset link, per address. */
export const passwordResetThrottle = perIpThrottle(
	'password-reset',
	{ max: 10, windowSeconds: 15 * 60 },
	{ max: 'NEW_PASSWORD_LIMIT_IP' }
);

/** The public certificate check, per address (against enumerating codes). */
export const verifyThrottle = perIpThrottle(
	'verify',
	{ max: 30, windowSeconds: 60 },
	{ max: 'VERIFY_LIMIT_IP', windowSeconds: 'VERIFY_LIMIT_WINDOW_SECONDS' }
);
