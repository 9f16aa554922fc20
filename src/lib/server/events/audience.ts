import { asc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { isCourseTrainer, listManagedCohortChoices } from '../cohorts/access';
import { getCatalogue } from '../content';
import { getDb } from '../db';
import { eventAudience } from '../db/schema';
import type { AudienceChoice } from './form';
import { alumniUserIds } from './invitees';

export function audienceOf(eventId: string): AudienceChoice[] {
	return getDb()
		.select({ kind: eventAudience.kind, targetId: eventAudience.targetId })
		.from(eventAudience)
		.where(eq(eventAudience.eventId, eventId))
		.orderBy(asc(eventAudience.kind), asc(eventAudience.targetId))
		.all();
}

/** Everyone the event's audience invites. */
export function inviteesOf(eventId: string, among?: string[]): string[] {
	const audience = audienceOf(eventId);
	return alumniUserIds(
		audience.filter((a) => a.kind === 'course').map((a) => a.targetId),
		audience.filter((a) => a.kind === 'cohort').map((a) => a.targetId),
		among
	);
}

export const isInvited = (eventId: string, userId: string) =>
	inviteesOf(eventId, [userId]).length > 0;

/**
 * What a staff member may invite: admins every course and cohort, trainers the courses they
 * train in and their own cohorts.
 */
export function audienceChoicesFor(user: SessionUser) {
	const courses = getCatalogue()
		.filter((course) => isCourseTrainer(user, course.id))
		.map((course) => ({ kind: 'course' as const, targetId: course.id, label: course.title }));
	const cohorts = listManagedCohortChoices(user).map((cohort) => ({
		kind: 'cohort' as const,
		targetId: cohort.id,
		label: cohort.label
	}));
	return { courses, cohorts };
}
