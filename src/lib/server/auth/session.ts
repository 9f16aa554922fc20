import { eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { preparedQuery } from '../db/prepared';
import { sessions, users, type Role } from '../db/schema';
import { generateToken, hashToken } from '../crypto/tokens';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A session ends after 7 days without activity ... */
export const SESSION_IDLE_TIMEOUT_MS = 7 * DAY;
/** ... and 30 days after login at the latest, however active it is. */
export const SESSION_ABSOLUTE_TIMEOUT_MS = 30 * DAY;
/** Activity is written at most once per hour, so reading a page is not a database write. */
const LAST_SEEN_GRANULARITY_MS = HOUR;

export const SESSION_COOKIE = 'session';

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	lastSeenAt: Date;
	expiresAt: Date;
}

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: Role;
}

export function createSession(
	userId: string,
	now = new Date()
): { token: string; session: Session } {
	const token = generateToken();
	const session: Session = {
		id: hashToken(token),
		userId,
		createdAt: now,
		lastSeenAt: now,
		expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS)
	};
	getDb().insert(sessions).values(session).run();
	return { token, session };
}

const sessionWithUser = preparedQuery((db) =>
	db
		.select({
			session: sessions,
			user: {
				id: users.id,
				email: users.email,
				name: users.name,
				role: users.role,
				active: users.active
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

/**
 * The session and its user, or null when the token is unknown or the session has ended.
 * `renewCookie` is the cookie's new expiry when the activity written moved it (at most once an
 * hour), else null: the browser's cookie still carries the expiry it was last given, so setting it
 * again with every answer would change nothing.
 */
export function validateSessionToken(
	token: string,
	now = new Date()
): { session: Session; user: SessionUser; renewCookie: Date | null } | null {
	const row = sessionWithUser().get({ id: hashToken(token) });
	if (!row) return null;
	const { session, user } = row;
	const idleExpired = now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_TIMEOUT_MS;
	if (!user.active || idleExpired || now >= session.expiresAt) {
		invalidateSession(session.id);
		return null;
	}
	let renewCookie: Date | null = null;
	if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
		session.lastSeenAt = now;
		getDb().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id)).run();
		renewCookie = cookieExpiry(session);
	}
	const { active: _active, ...sessionUser } = user;
	return { session, user: sessionUser, renewCookie };
}

/** When the cookie may live: the earlier of idle and absolute expiry. */
export function cookieExpiry(session: Session): Date {
	const idle = session.lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS;
	return new Date(Math.min(idle, session.expiresAt.getTime()));
}

/**
 * Until when validating the session again changes nothing: it neither ends (idle or absolute
 * timeout) nor records activity nor renews the cookie. Pages kept for it are valid until then.
 */
export function untouchedUntil(session: Session): Date {
	const activity = session.lastSeenAt.getTime() + LAST_SEEN_GRANULARITY_MS;
	return new Date(Math.min(activity, cookieExpiry(session).getTime()));
}

export function invalidateSession(sessionId: string): void {
	getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(userId: string): void {
	getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}
