import type { SessionUser } from '../auth/session';
import { isCourseTrainer, listManagedCohorts } from '../cohorts/access';
import { getCatalogue, getCourse } from '../content';
import { hasAnyNetwork, isAlumnus } from './membership';

/** Staff: admins and the trainers of the course's cohorts. Members: its alumni. */
export type AlumniRole = 'moderator' | 'member';

/** Who may see a course's alumni directory and take part in its alumni area. */
export function alumniRoleOf(
	user: Pick<SessionUser, 'id' | 'role'>,
	courseId: string
): AlumniRole | null {
	if (isCourseTrainer(user, courseId)) return 'moderator';
	return isAlumnus(user.id, courseId) ? 'member' : null;
}

/** The networks a trainer or admin looks after: the courses (with a certificate) of their cohorts. */
export function moderatedCourseIds(user: SessionUser): string[] {
	const courseIds =
		user.role === 'admin'
			? getCatalogue().map((course) => course.id)
			: listManagedCohorts(user).map((cohort) => cohort.courseId);
	return [...new Set(courseIds)].filter((id) => getCourse(id)?.certificate);
}

/** The menu shows "Alumni" to members (also former ones, to rejoin) and to the networks' staff. */
export function hasAlumniPage(user: SessionUser): boolean {
	return hasAnyNetwork(user.id) || moderatedCourseIds(user).length > 0;
}
