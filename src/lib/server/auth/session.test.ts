import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import { sessions } from '../db/schema';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	SESSION_ABSOLUTE_TIMEOUT_MS,
	SESSION_IDLE_TIMEOUT_MS,
	untouchedUntil,
	validateSessionToken
} from './session';
import { hashToken } from '../crypto/tokens';
import { createUser, setUserActive } from './users';
import { changeOwnPassword } from './password-change';

const HOUR = 60 * 60 * 1000;

async function newUser(email = 'a@example.org') {
	return createUser({ email, name: 'Aylin', password: 'Fahrrad Kanal Brücke', role: 'learner' });
}

describe('sessions', () => {
	let db: ReturnType<typeof useFreshDatabase>;
	beforeEach(() => {
		db = useFreshDatabase();
	});

	it('issues tokens of at least 128 bits and stores only their hash', async () => {
		const user = await newUser();
		const { token } = createSession(user.id);
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 32 base32 chars = 160 bits
		const stored = db.select().from(sessions).all();
		expect(stored).toHaveLength(1);
		expect(stored[0]!.id).toBe(hashToken(token));
		expect(stored[0]!.id).not.toContain(token);
	});

	it('validates a fresh token and returns the user without secrets', async () => {
		const user = await newUser();
		const { token } = createSession(user.id);
		const result = validateSessionToken(token);
		expect(result?.user).toEqual({
			id: user.id,
			email: user.email,
			name: 'Aylin',
			role: 'learner'
		});
	});

	it('rejects an unknown token', () => {
		expect(validateSessionToken('a'.repeat(32))).toBeNull();
	});

	it('expires after the idle timeout and deletes the row', async () => {
		const user = await newUser();
		const start = new Date('2026-01-01T10:00:00Z');
		const { token } = createSession(user.id, start);
		const justBefore = new Date(start.getTime() + SESSION_IDLE_TIMEOUT_MS - 1000);
		expect(validateSessionToken(token, justBefore)).not.toBeNull();
		// activity at justBefore moved the idle window on
		const later = new Date(justBefore.getTime() + SESSION_IDLE_TIMEOUT_MS - 1000);
		expect(validateSessionToken(token, later)).not.toBeNull();
		const tooLate = new Date(later.getTime() + SESSION_IDLE_TIMEOUT_MS);
		expect(validateSessionToken(token, tooLate)).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('expires at the absolute timeout even when used every hour', async () => {
		const user = await newUser();
		const start = new Date('2026-01-01T10:00:00Z');
		const { token } = createSession(user.id, start);
		let now = start.getTime();
		while (now < start.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS - 2 * 24 * HOUR) {
			now += 24 * HOUR;
			expect(validateSessionToken(token, new Date(now))).not.toBeNull();
		}
		const end = new Date(start.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS);
		expect(validateSessionToken(token, end)).toBeNull();
	});

	it('renews the cookie only when the recorded activity moves its expiry (once an hour)', async () => {
		const user = await newUser();
		const start = new Date('2026-01-01T10:00:00Z');
		const { token } = createSession(user.id, start);
		const at = (ms: number) => validateSessionToken(token, new Date(start.getTime() + ms));
		expect(at(0)?.renewCookie).toBeNull();
		expect(at(HOUR - 1000)?.renewCookie).toBeNull();
		const renewed = at(HOUR);
		expect(renewed?.renewCookie).toEqual(
			new Date(start.getTime() + HOUR + SESSION_IDLE_TIMEOUT_MS)
		);
		expect(at(HOUR + 1000)?.renewCookie).toBeNull();
		// Near the absolute end the cookie ends with the session, not a week later.
		const nearEnd = SESSION_ABSOLUTE_TIMEOUT_MS - 2 * HOUR;
		for (let t = 2 * HOUR; t < nearEnd; t += 6 * 24 * HOUR) at(t);
		expect(at(nearEnd)?.renewCookie).toEqual(
			new Date(start.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS)
		);
	});

	it('is untouched until its activity is recorded again, or until its end if that comes first', async () => {
		const user = await newUser();
		const start = new Date('2026-01-01T10:00:00Z');
		const { session } = createSession(user.id, start);
		expect(untouchedUntil(session)).toEqual(new Date(start.getTime() + HOUR));
		const end = new Date(start.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS);
		const nearEnd = { ...session, lastSeenAt: new Date(end.getTime() - HOUR / 2) };
		expect(untouchedUntil(nearEnd)).toEqual(end);
	});

	it('ends one session on logout and leaves the others', async () => {
		const user = await newUser();
		const phone = createSession(user.id);
		const laptop = createSession(user.id);
		invalidateSession(phone.session.id);
		expect(validateSessionToken(phone.token)).toBeNull();
		expect(validateSessionToken(laptop.token)).not.toBeNull();
	});

	it('ends every session of a user on password change and on deactivation', async () => {
		const user = await newUser();
		const first = createSession(user.id);
		await changeOwnPassword(user.id, 'Neues Passwort Nummer eins');
		expect(validateSessionToken(first.token)).toBeNull();
		const second = createSession(user.id);
		setUserActive(user.id, false);
		expect(validateSessionToken(second.token)).toBeNull();
		invalidateUserSessions(user.id);
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('gives each login a new token (rotation)', async () => {
		const user = await newUser();
		const a = createSession(user.id);
		const b = createSession(user.id);
		expect(a.token).not.toBe(b.token);
	});
});
