import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { authoringGrants, users } from '../db/schema';

// Who may use the studio: admins always; trainers for the courses an admin granted them
// (`*`: every course, including new ones). Learners never.

export const ALL_COURSES = '*';

export function grantedCourseIds(userId: string): string[] {
	return getDb()
		.select({ courseId: authoringGrants.courseId })
		.from(authoringGrants)
		.where(eq(authoringGrants.userId, userId))
		.all()
		.map((row) => row.courseId);
}

/** Whether the user may author anything at all (the studio's front door). */
export function canUseStudio(user: SessionUser): boolean {
	if (user.role === 'admin') return true;
	return user.role === 'trainer' && grantedCourseIds(user.id).length > 0;
}

export function canAuthorCourse(user: SessionUser, courseId: string): boolean {
	if (user.role === 'admin') return true;
	if (user.role !== 'trainer') return false;
	const granted = grantedCourseIds(user.id);
	return granted.includes(ALL_COURSES) || granted.includes(courseId);
}

/** New courses need the right for every course. */
export function canCreateCourses(user: SessionUser): boolean {
	if (user.role === 'admin') return true;
	return user.role === 'trainer' && grantedCourseIds(user.id).includes(ALL_COURSES);
}

export function grantAuthoring(userId: string, courseId: string, grantedBy: string | null): void {
	getDb()
		.insert(authoringGrants)
		.values({ userId, courseId, grantedBy })
		.onConflictDoNothing()
		.run();
}

export function revokeAuthoring(userId: string, courseId: string): boolean {
	const result = getDb()
		.delete(authoringGrants)
		.where(and(eq(authoringGrants.userId, userId), eq(authoringGrants.courseId, courseId)))
		.run();
	return result.changes > 0;
}

/** Trainers with authoring rights, for the admin overview. */
export function listAuthors() {
	return getDb()
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			courseId: authoringGrants.courseId
		})
		.from(authoringGrants)
		.innerJoin(users, eq(users.id, authoringGrants.userId))
		.orderBy(users.name, authoringGrants.courseId)
		.all();
}

/** Grants or revokes, recorded in the audit log; false when nothing changed. */
export function setAuthoring(
	admin: SessionUser,
	userId: string,
	courseId: string,
	granted: boolean
): boolean {
	const changed = granted
		? getDb()
				.insert(authoringGrants)
				.values({ userId, courseId, grantedBy: admin.id })
				.onConflictDoNothing()
				.run().changes > 0
		: revokeAuthoring(userId, courseId);
	if (changed) {
		recordAudit({
			actorId: admin.id,
			action: granted ? 'authoring.granted' : 'authoring.revoked',
			objectType: 'course',
			objectId: courseId,
			subjectUserId: userId
		});
	}
	return changed;
}
