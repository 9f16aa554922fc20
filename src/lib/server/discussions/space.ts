import { and, eq, exists, isNull, type SQL } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { SessionUser } from '../auth/session';
import { alumniRoleOf } from '../alumni/access';
import { getCohort } from '../cohorts/cohorts';
import { getCourse } from '../content';
import { getDb } from '../db';
import { alumniThreads, cohorts, cohortTrainers, discussionThreads } from '../db/schema';
import { discussionRoleOf, type DiscussionRole } from './access';

/**
 * Where a thread lives: a cohort's Austausch, or the alumni area of a course (its alumni as
 * members, the trainers of its cohorts and the admins as moderators). Everything scoped by
 * "cohort" before is scoped by space; the rest of the Austausch does not care which.
 */
export type DiscussionSpace =
	{ kind: 'cohort'; cohortId: string } | { kind: 'alumni'; courseId: string };

/** A cohort ID still names that cohort's Austausch, so callers from before spaces keep working. */
export type SpaceRef = DiscussionSpace | string;

export const cohortSpace = (cohortId: string): DiscussionSpace => ({ kind: 'cohort', cohortId });
export const alumniSpace = (courseId: string): DiscussionSpace => ({ kind: 'alumni', courseId });

export const toSpace = (ref: SpaceRef): DiscussionSpace =>
	typeof ref === 'string' ? cohortSpace(ref) : ref;

/** The threads of the space. */
export function inSpace(ref: SpaceRef): SQL | undefined {
	const space = toSpace(ref);
	if (space.kind === 'cohort') return eq(discussionThreads.cohortId, space.cohortId);
	return and(
		isNull(discussionThreads.cohortId),
		exists(
			getDb()
				.select({ id: alumniThreads.threadId })
				.from(alumniThreads)
				.where(
					and(
						eq(alumniThreads.threadId, discussionThreads.id),
						eq(alumniThreads.courseId, space.courseId)
					)
				)
		)
	);
}

/** The space a stored thread belongs to; undefined for an alumni thread without its link. */
export function spaceOfThread(thread: { id: string; cohortId: string | null }) {
	if (thread.cohortId) {
		return cohortSpace(thread.cohortId);
	}
	const link = getDb()
		.select({ courseId: alumniThreads.courseId })
		.from(alumniThreads)
		.where(eq(alumniThreads.threadId, thread.id))
		.get();
	return link ? alumniSpace(link.courseId) : undefined;
}

/** The audit log's pointer to a thread's space. */
export function threadSpaceDetails(thread: { id: string; cohortId: string | null }) {
	const space = spaceOfThread(thread);
	return space ? spaceDetails(space) : {};
}

export function spaceRoleOf(
	user: Pick<SessionUser, 'id' | 'role'>,
	ref: SpaceRef
): DiscussionRole | null {
	const space = toSpace(ref);
	return space.kind === 'cohort'
		? discussionRoleOf(user, space.cohortId)
		: alumniRoleOf(user, space.courseId);
}

export function spaceUrl(ref: SpaceRef): string {
	const space = toSpace(ref);
	return space.kind === 'cohort'
		? `/austausch/${space.cohortId}`
		: `/alumni/${space.courseId}/austausch`;
}

/** The audit log's pointer to the space. */
export function spaceDetails(ref: SpaceRef) {
	const space = toSpace(ref);
	return space.kind === 'cohort'
		? { cohortId: space.cohortId }
		: { alumniCourseId: space.courseId };
}

/** Who gets the trainer badge: the cohort's trainers, or those of any cohort of the course. */
export function trainerIdsOf(ref: SpaceRef): Set<string> {
	const space = toSpace(ref);
	const db = getDb();
	const rows =
		space.kind === 'cohort'
			? db
					.select({ id: cohortTrainers.userId })
					.from(cohortTrainers)
					.where(eq(cohortTrainers.cohortId, space.cohortId))
					.all()
			: db
					.selectDistinct({ id: cohortTrainers.userId })
					.from(cohortTrainers)
					.innerJoin(cohorts, eq(cohorts.id, cohortTrainers.cohortId))
					.where(eq(cohorts.courseId, space.courseId))
					.all();
	return new Set(rows.map((row) => row.id));
}

/** What the pages show of the space: where it is and what it is called. */
export function spaceView(ref: SpaceRef) {
	const space = toSpace(ref);
	if (space.kind === 'cohort') {
		const name = getCohort(space.cohortId)?.name ?? '';
		return {
			url: spaceUrl(space),
			name,
			title: m.discussions_page_title({ cohort: name }),
			intro: m.discussions_intro()
		};
	}
	const name = getCourse(space.courseId)?.title ?? '';
	return {
		url: spaceUrl(space),
		name,
		title: m.alumni_discussion_title({ course: name }),
		intro: m.alumni_discussion_intro()
	};
}
