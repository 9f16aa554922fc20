import { and, asc, count, eq, isNull, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { containsText } from '../db/like';
import { users, type Role } from '../db/schema';
import { hashPassword } from './password';
import { invalidateUserSessions } from './session';
import { generateId } from '../crypto/tokens';
import { asOneLine } from '../validation/text';
import { pageOfQuery } from '../db/paging';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export interface NewUser {
	email: string;
	name: string;
	password: string;
	role: Role;
}

/** Public columns only: a password hash never leaves this module. */
const userColumns = {
	id: users.id,
	email: users.email,
	name: users.name,
	role: users.role,
	active: users.active,
	createdAt: users.createdAt,
	/** Null while an account registered through a shared link has not confirmed its address. */
	emailConfirmedAt: users.emailConfirmedAt
};

export type UserSummary = {
	id: string;
	email: string;
	name: string;
	role: Role;
	active: boolean;
	createdAt: Date;
	emailConfirmedAt: Date | null;
};

/**
 * A new account with a password. `createdBy` audits it as `user.created` (null: no signed-in
 * person, e.g. the `user:create` command line); test fixtures leave it out. Whoever creates an
 * account here vouches for its address: it counts as confirmed.
 */
export async function createUser(
	input: NewUser,
	createdBy?: { actorId: string | null; via: 'command_line' }
): Promise<UserSummary> {
	const passwordHash = await hashPassword(input.password);
	const row = {
		id: generateId(),
		email: normaliseEmail(input.email),
		name: asOneLine(input.name).trim()
	};
	return getDb().transaction((tx) => {
		const user = tx
			.insert(users)
			.values({ ...row, passwordHash, role: input.role, emailConfirmedAt: new Date() })
			.returning(userColumns)
			.get();
		if (createdBy) {
			recordAudit(
				{
					actorId: createdBy.actorId,
					action: 'user.created',
					objectType: 'user',
					objectId: user.id,
					subjectUserId: user.id,
					details: { role: user.role, via: createdBy.via }
				},
				tx
			);
		}
		return user;
	});
}

export function emailExists(email: string): boolean {
	const db = getDb();
	return !!db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, normaliseEmail(email)))
		.get();
}

/** For login only: the one place that reads a password hash. */
export function findLoginCandidate(email: string) {
	return getDb()
		.select({
			id: users.id,
			passwordHash: users.passwordHash,
			active: users.active,
			role: users.role
		})
		.from(users)
		.where(eq(users.email, normaliseEmail(email)))
		.get();
}

/** A successful login: the retention clock for inactive accounts starts again. */
export function markActive(id: string, now = new Date()): void {
	getDb().update(users).set({ lastActiveAt: now }).where(eq(users.id, id)).run();
}

export function getUser(id: string): UserSummary | undefined {
	return getDb().select(userColumns).from(users).where(eq(users.id, id)).get();
}

export const USERS_PAGE_SIZE = 25;

export function listUsers(options: { query?: string; role?: Role; page?: number }) {
	const db = getDb();
	const conditions: SQL[] = [];
	const query = options.query?.trim();
	if (query) {
		const match = or(containsText(users.email, query), containsText(users.name, query));
		if (match) conditions.push(match);
	}
	if (options.role) conditions.push(eq(users.role, options.role));
	// Anonymous stand-ins of deleted people are no accounts anyone manages.
	conditions.push(isNull(users.erasedAt));
	const where = conditions.length ? and(...conditions) : undefined;
	return pageOfQuery(
		db.select({ n: count() }).from(users).where(where),
		db.select(userColumns).from(users).where(where).orderBy(asc(users.name), asc(users.email)),
		options.page ?? 1,
		USERS_PAGE_SIZE
	);
}

type Reader = Pick<ReturnType<typeof getDb>, 'select'>;

export function countActiveAdmins(db: Reader = getDb()): number {
	const where = and(eq(users.role, 'admin'), eq(users.active, true));
	return db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
}

/**
 * Changes role or active state, unless it would leave no active admin (nobody could undo it);
 * returns false then. Checked and written in one IMMEDIATE transaction, so two admins demoting
 * each other at once cannot both succeed. Deactivating ends every session of the account.
 */
export function changeUserAccess(
	id: string,
	change: { role?: Role; active?: boolean },
	actorId: string | null = null
): boolean {
	const changed = getDb().transaction(
		(tx) => {
			const target = tx
				.select({ role: users.role, active: users.active })
				.from(users)
				.where(eq(users.id, id))
				.get();
			if (!target) return false;
			const staysAdmin =
				(change.role ?? target.role) === 'admin' && (change.active ?? target.active);
			if (target.role === 'admin' && target.active && !staysAdmin && countActiveAdmins(tx) <= 1) {
				return false;
			}
			tx.update(users).set(change).where(eq(users.id, id)).run();
			const audit = { actorId, objectType: 'user', objectId: id, subjectUserId: id };
			if (change.role && change.role !== target.role) {
				recordAudit(
					{
						...audit,
						action: 'user.role_changed',
						details: { from: target.role, to: change.role }
					},
					tx
				);
			}
			if (change.active !== undefined && change.active !== target.active) {
				const action = change.active ? 'user.reactivated' : 'user.deactivated';
				recordAudit({ ...audit, action }, tx);
			}
			return true;
		},
		{ behavior: 'immediate' }
	);
	if (changed && change.active === false) invalidateUserSessions(id);
	return changed;
}

export function setUserRole(id: string, role: Role, actorId: string | null = null): boolean {
	return changeUserAccess(id, { role }, actorId);
}

export function setUserActive(id: string, active: boolean, actorId: string | null = null): boolean {
	return changeUserAccess(id, { active }, actorId);
}
