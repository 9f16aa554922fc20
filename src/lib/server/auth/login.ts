import { notifyAccountLocked } from '../notifications';
import {
	firstRefusalInWindow,
	loginNotCounted,
	loginSucceeded,
	reserveLoginAttempt
} from './login-throttle';
import { verifyAgainstDummy, verifyPassword } from './password';
import { recordAudit } from '../audit';
import { findLoginCandidate, markActive } from './users';

export type LoginResult =
	{ ok: true; userId: string } | { ok: false; reason: 'throttled' | 'invalid' | 'deactivated' };

/**
 * A refused attempt: the owner learns in the app, at their next login, that their account was
 * locked; on a trainer's or admin's account it is audited like a failed login, once per address
 * and throttle window (see firstRefusalInWindow).
 */
function noteRefused(email: string, ip: string, accountLocked: boolean, audit: boolean): void {
	const account = findLoginCandidate(email);
	if (!account) return;
	if (accountLocked) notifyAccountLocked(account.id);
	if (!audit || account.role === 'learner' || !firstRefusalInWindow(email, ip)) return;
	recordAudit({
		actorId: account.id,
		action: 'login.throttled',
		objectType: 'user',
		objectId: account.id,
		subjectUserId: account.id,
		ip,
		details: { limit: accountLocked ? 'account' : 'address' }
	});
}

/**
 * Unknown email and wrong password take the same time and give the same answer; a
 * deactivated account is named only to someone who knows its password.
 */
export async function attemptLogin(
	email: string,
	password: string,
	ip: string,
	/** `reauth`: a signed-in person confirms their password (no login, changes nothing). */
	purpose: 'login' | 'reauth' = 'login'
): Promise<LoginResult> {
	const reservation = reserveLoginAttempt(email, ip);
	if (!reservation.ok) {
		noteRefused(email, ip, reservation.accountLocked, purpose === 'login');
		return { ok: false, reason: 'throttled' };
	}
	const candidate = findLoginCandidate(email);
	const valid = candidate
		? await verifyPassword(candidate.passwordHash, password)
		: await verifyAgainstDummy(password);
	// Logins of trainers and admins are audited (success and failure): their accounts can do most.
	const audit = (action: 'login.succeeded' | 'login.failed', reason?: string) => {
		if (!candidate || candidate.role === 'learner' || purpose !== 'login') return;
		recordAudit({
			actorId: candidate.id,
			action,
			objectType: 'user',
			objectId: candidate.id,
			subjectUserId: candidate.id,
			ip,
			...(reason ? { details: { reason } } : {})
		});
	};
	// The reserved slot stays: it is the recorded failure.
	if (!candidate || !valid) {
		audit('login.failed', 'wrong_password');
		return { ok: false, reason: 'invalid' };
	}
	if (!candidate.active) {
		loginNotCounted(reservation);
		audit('login.failed', 'deactivated');
		return { ok: false, reason: 'deactivated' };
	}
	loginSucceeded(reservation, email, ip);
	if (purpose === 'login') markActive(candidate.id);
	audit('login.succeeded');
	return { ok: true, userId: candidate.id };
}

/**
 * For changing one's password: the current password is checked under the same limits as a
 * login, so the form is no oracle for guessing it.
 */
export async function checkCurrentPassword(
	email: string,
	password: string,
	ip: string
): Promise<'ok' | 'wrong' | 'throttled'> {
	const result = await attemptLogin(email, password, ip, 'reauth');
	if (result.ok) return 'ok';
	return result.reason === 'throttled' ? 'throttled' : 'wrong';
}
