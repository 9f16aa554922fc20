import { recordAudit } from '../audit';
import { and, eq, sql } from 'drizzle-orm';
import { getCourse } from '../content';
import { getDb } from '../db';
import { preparedQuery } from '../db/prepared';
import { courseSettings, enrolments } from '../db/schema';

export interface Enrolment {
	id: string;
	userId: string;
	courseId: string;
	cohortId: string | null;
	createdAt: Date;
	/** When the learner joined their current cohort; null: at enrolment. */
	joinedCohortAt: Date | null;
}

const enrolmentOfUser = preparedQuery((db) =>
	db
		.select()
		.from(enrolments)
		.where(
			and(
				eq(enrolments.userId, sql.placeholder('userId')),
				eq(enrolments.courseId, sql.placeholder('courseId'))
			)
		)
		.prepare()
);

export function getEnrolment(userId: string, courseId: string): Enrolment | undefined {
	return enrolmentOfUser().get({ userId, courseId });
}

const enrolmentsOfUser = preparedQuery((db) =>
	db
		.select()
		.from(enrolments)
		.where(eq(enrolments.userId, sql.placeholder('userId')))
		.prepare()
);

/** A learner's enrolments for courses that still exist in the content, catalogue order. */
export function listEnrolments(userId: string): Enrolment[] {
	const rows = enrolmentsOfUser().all({ userId });
	return rows
		.filter((row) => getCourse(row.courseId))
		.sort((a, b) => getCourse(a.courseId)!.order - getCourse(b.courseId)!.order);
}

export function isOpenForEnrolment(courseId: string): boolean {
	const row = getDb()
		.select({ open: courseSettings.openEnrolment })
		.from(courseSettings)
		.where(eq(courseSettings.courseId, courseId))
		.get();
	return row?.open ?? false;
}

/** `actorId`: the admin who changed it (audited); none for the demo seed. */
export function setOpenForEnrolment(
	courseId: string,
	open: boolean,
	actorId: string | null = null
): void {
	getDb().transaction((tx) => {
		tx.insert(courseSettings)
			.values({ courseId, openEnrolment: open })
			.onConflictDoUpdate({ target: courseSettings.courseId, set: { openEnrolment: open } })
			.run();
		if (!actorId) return;
		recordAudit(
			{
				actorId,
				action: 'settings.changed',
				objectType: 'course',
				objectId: courseId,
				details: { openEnrolment: open }
			},
			tx
		);
	});
}

/**
 * Enrols a user who is not enrolled yet (idempotent). An existing enrolment keeps its cohort:
 * changing cohorts is `acceptCohortInvite` (the learner) or `assignLearnerToCohort` (an admin)
 * in join.ts, never a side effect of enrolling.
 */
export function enrol(userId: string, courseId: string, cohortId: string | null = null): Enrolment {
	const existing = getEnrolment(userId, courseId);
	if (existing) return existing;
	const row = { id: crypto.randomUUID(), userId, courseId, cohortId, createdAt: new Date() };
	getDb().insert(enrolments).values(row).onConflictDoNothing().run();
	return getEnrolment(userId, courseId)!;
}
