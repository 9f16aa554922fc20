import { and, count, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import { getDb } from '../db';
import { pageOfQuery } from '../db/paging';
import { invites, users } from '../db/schema';

export const OPEN_INVITES_PAGE_SIZE = 25;

/**
 * The invitations into a cohort that can still be used: not withdrawn, not expired, not used up.
 * Until they are accepted, they are the cohort's only trace of the people invited (CSV import).
 */
export function listOpenCohortInvites(cohortId: string, page: number, now = new Date()) {
	const db = getDb();
	const open = openInto(cohortId, now);
	return pageOfQuery(
		db.select({ n: count() }).from(invites).where(open),
		db
			.select({
				id: invites.id,
				email: invites.email,
				name: invites.name,
				uses: invites.uses,
				maxUses: invites.maxUses,
				expiresAt: invites.expiresAt,
				createdByName: users.name
			})
			.from(invites)
			.innerJoin(users, eq(users.id, invites.createdBy))
			.where(open)
			.orderBy(desc(invites.createdAt), desc(invites.id)),
		page,
		OPEN_INVITES_PAGE_SIZE
	);
}

export function isOpenCohortInvite(cohortId: string, id: string, now = new Date()): boolean {
	const where = and(openInto(cohortId, now), eq(invites.id, id));
	return getDb().select({ id: invites.id }).from(invites).where(where).get() !== undefined;
}

const openInto = (cohortId: string, now: Date) =>
	and(
		eq(invites.cohortId, cohortId),
		isNull(invites.revokedAt),
		gt(invites.expiresAt, now),
		lt(invites.uses, invites.maxUses)
	);
