import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { notOptedOut } from '../alumni/membership';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { certificates, users } from '../db/schema';

/**
 * The alumni of the given courses and cohorts: active people holding a valid (neither revoked
 * nor replaced) certificate of one of those courses, or issued in one of those cohorts, who have
 * not left that course's alumni network.
 * `among` narrows the answer to these people (one person's invitation is a question of this
 * same rule). Every invitation question goes through here, so a rule about who counts (an
 * opt-out, say) is added in this one place.
 */
export function alumniUserIds(
	courseIds: string[],
	cohortIds: string[],
	among?: string[]
): string[] {
	if (!courseIds.length && !cohortIds.length) return [];
	if (among && !among.length) return [];
	return getDb()
		.selectDistinct({ id: users.id })
		.from(certificates)
		.innerJoin(users, eq(users.id, certificates.userId))
		.where(
			and(
				equalsLiteral(certificates.status, 'valid'),
				notOptedOut(),
				eq(users.active, true),
				isNull(users.erasedAt),
				or(
					courseIds.length ? inArray(certificates.courseId, courseIds) : undefined,
					cohortIds.length ? inArray(certificates.cohortId, cohortIds) : undefined
				),
				among ? inArray(users.id, among) : undefined
			)
		)
		.all()
		.map((row) => row.id);
}
