import { verifyAgainstDummy, verifyPassword } from './password';
import { clearAccountFailures, isLoginThrottled, recordLoginFailure } from './login-throttle';
import { findLoginCandidate } from './users';

export type LoginResult =
	{ ok: true; userId: string } | { ok: false; reason: 'throttled' | 'invalid' | 'deactivated' };

/**
 * Unknown email and wrong password take the same time and give the same answer; a
 * deactivated account is named only to someone who knows its password.
 */
export async function attemptLogin(
	email: string,
	password: string,
	ip: string
): Promise<LoginResult> {
	if (isLoginThrottled(email, ip)) return { ok: false, reason: 'throttled' };
	const candidate = findLoginCandidate(email);
	const valid = candidate
		? await verifyPassword(candidate.passwordHash, password)
		: await verifyAgainstDummy(password);
	if (!candidate || !valid) {
		recordLoginFailure(email, ip);
		return { ok: false, reason: 'invalid' };
	}
	if (!candidate.active) return { ok: false, reason: 'deactivated' };
	clearAccountFailures(email);
	return { ok: true, userId: candidate.id };
}
