import { and, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { preparedQuery } from '../db/prepared';
import { alumniOptOuts, certificates, users } from '../db/schema';

// Who belongs to a course's alumni network: whoever holds a valid certificate of the course
// (not revoked, not superseded) and has not left that network. Asked afresh on every request, so
// a revoked certificate or a "austreten" takes effect at once.

/** The certificate's holder has not left that course's network (a condition on `certificates`). */
export const notOptedOut = () =>
	notExists(
		getDb()
			.select({ one: alumniOptOuts.userId })
			.from(alumniOptOuts)
			.where(
				and(
					eq(alumniOptOuts.userId, certificates.userId),
					eq(alumniOptOuts.courseId, certificates.courseId)
				)
			)
	);

export function isAlumnus(userId: string, courseId: string): boolean {
	return !!getDb()
		.select({ id: certificates.id })
		.from(certificates)
		.where(
			and(
				eq(certificates.userId, userId),
				eq(certificates.courseId, courseId),
				equalsLiteral(certificates.status, 'valid'),
				notOptedOut()
			)
		)
		.get();
}

/** Belongs to the alumni network of at least one course (mentoring asks this). */
export function isAlumnusAnywhere(userId: string): boolean {
	return !!getDb()
		.select({ id: certificates.id })
		.from(certificates)
		.where(
			and(
				eq(certificates.userId, userId),
				equalsLiteral(certificates.status, 'valid'),
				notOptedOut()
			)
		)
		.get();
}

/** The active accounts in the alumni networks of these courses (each person once). */
export function alumniUserIds(courseIds: readonly string[]): string[] {
	if (courseIds.length === 0) return [];
	return getDb()
		.selectDistinct({ id: certificates.userId })
		.from(certificates)
		.innerJoin(users, eq(users.id, certificates.userId))
		.where(
			and(
				inArray(certificates.courseId, [...courseIds]),
				equalsLiteral(certificates.status, 'valid'),
				eq(users.active, true),
				isNull(users.erasedAt),
				notOptedOut()
			)
		)
		.all()
		.map((row) => row.id);
}

/** Belongs (or belonged, before leaving) to at least one network: one indexed lookup. */
// Asked for the menu on every page.
const anyValidCertificate = preparedQuery((db) =>
	db
		.select({ id: certificates.id })
		.from(certificates)
		.where(
			and(
				eq(certificates.userId, sql.placeholder('userId')),
				equalsLiteral(certificates.status, 'valid')
			)
		)
		.limit(1)
		.prepare()
);

export function hasAnyNetwork(userId: string): boolean {
	return !!anyValidCertificate().get({ userId });
}

export interface Network {
	courseId: string;
	/** False: the person left this network and may join again. */
	member: boolean;
}

/** Every network the person may belong to (one per course with a valid certificate). */
export function networksOf(userId: string): Network[] {
	const db = getDb();
	const courses = db
		.selectDistinct({ courseId: certificates.courseId })
		.from(certificates)
		.where(and(eq(certificates.userId, userId), equalsLiteral(certificates.status, 'valid')))
		.all();
	const left = new Set(
		db
			.select({ courseId: alumniOptOuts.courseId })
			.from(alumniOptOuts)
			.where(eq(alumniOptOuts.userId, userId))
			.all()
			.map((row) => row.courseId)
	);
	return courses.map(({ courseId }) => ({ courseId, member: !left.has(courseId) }));
}

/** "Austreten": the person leaves the course's network (nothing else changes). */
export function leaveNetwork(userId: string, courseId: string, now = new Date()): void {
	getDb()
		.insert(alumniOptOuts)
		.values({ userId, courseId, createdAt: now })
		.onConflictDoNothing()
		.run();
}

/** "Wieder beitreten". */
export function rejoinNetwork(userId: string, courseId: string): void {
	getDb()
		.delete(alumniOptOuts)
		.where(and(eq(alumniOptOuts.userId, userId), eq(alumniOptOuts.courseId, courseId)))
		.run();
}
