import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '../db';
import {
	cohortModules,
	cohorts,
	deletionRequests,
	enrolments,
	retentionWarnings,
	users,
	type RetentionReason
} from '../db/schema';
import { addMonths, DAY_MS, retentionConfig } from './config';

export interface PlannedDeletion {
	userId: string;
	name: string;
	reason: RetentionReason | 'deletion_request';
	/** The cohort for `cohort_ended`; '' otherwise. */
	objectId: string;
	cohortName: string | null;
	/** When the rule makes it due (last login + N months, cohort end + N months, request + grace). */
	ruleDueAt: Date;
	/** When the job will delete: never before 30 days after the warning. */
	deleteOn: Date;
	warnedAt: Date | null;
}

/** Day after a cohort's last date (module end or start, or the follow-up day), as a moment. */
function cohortEnd(lastDay: string): Date {
	return new Date(new Date(`${lastDay}T00:00:00Z`).getTime() + DAY_MS);
}

/**
 * What the retention rules will delete within `horizonDays` from `now`, soonest first. The job
 * warns every entry due within the warning period and deletes those whose warning has run out;
 * the admin page shows the same list.
 */
export function planRetention(now: Date, horizonDays = 90): PlannedDeletion[] {
	const db = getDb();
	const config = retentionConfig();
	const horizon = new Date(now.getTime() + horizonDays * DAY_MS);
	const warnings = new Map(
		db
			.select()
			.from(retentionWarnings)
			.all()
			.map((row) => [`${row.userId}|${row.reason}|${row.objectId}`, row])
	);
	const planned: PlannedDeletion[] = [];
	const add = (entry: Omit<PlannedDeletion, 'deleteOn' | 'warnedAt'>) => {
		const warning = warnings.get(`${entry.userId}|${entry.reason}|${entry.objectId}`);
		// A warning about an earlier date (the person logged in since, a cohort got longer) is stale.
		const valid = warning && warning.dueAt.getTime() >= entry.ruleDueAt.getTime() ? warning : null;
		const earliest = valid ? valid.dueAt : new Date(now.getTime() + config.warningDays * DAY_MS);
		const deleteOn = new Date(Math.max(entry.ruleDueAt.getTime(), earliest.getTime()));
		planned.push({ ...entry, deleteOn, warnedAt: valid?.warnedAt ?? null });
	};

	// Inactive accounts: last login (or creation) more than N months before the horizon.
	const lastActive = sql<number>`coalesce(${users.lastActiveAt}, ${users.createdAt})`;
	const inactiveBefore = addMonths(horizon, -config.inactiveMonths).getTime();
	const inactive = db
		.select({ id: users.id, name: users.name, lastActive: lastActive })
		.from(users)
		.where(and(isNull(users.erasedAt), lte(lastActive, inactiveBefore)))
		.all();
	for (const user of inactive) {
		add({
			userId: user.id,
			name: user.name,
			reason: 'inactive_account',
			objectId: '',
			cohortName: null,
			ruleDueAt: addMonths(new Date(Number(user.lastActive)), config.inactiveMonths)
		});
	}

	// Learners of cohorts that ended more than N months before the horizon.
	const lastDay = sql<string>`max(coalesce(${cohortModules.endsOn}, ${cohortModules.startsOn}, ''), coalesce(${cohorts.followUpDate}, ''))`;
	const ended = db
		.select({ id: cohorts.id, name: cohorts.name, lastDay: sql<string>`max(${lastDay})` })
		.from(cohorts)
		.innerJoin(cohortModules, eq(cohortModules.cohortId, cohorts.id))
		.groupBy(cohorts.id)
		.all()
		.filter((cohort) => /^\d{4}-\d{2}-\d{2}$/.test(cohort.lastDay ?? ''))
		.map((cohort) => ({
			...cohort,
			dueAt: addMonths(cohortEnd(cohort.lastDay), config.cohortMonths)
		}))
		.filter((cohort) => cohort.dueAt <= horizon);
	for (const cohort of ended) {
		const learners = db
			.select({ id: users.id, name: users.name })
			.from(enrolments)
			.innerJoin(users, eq(users.id, enrolments.userId))
			.where(and(eq(enrolments.cohortId, cohort.id), isNull(users.erasedAt)))
			.all();
		for (const learner of learners) {
			add({
				userId: learner.id,
				name: learner.name,
				reason: 'cohort_ended',
				objectId: cohort.id,
				cohortName: cohort.name,
				ruleDueAt: cohort.dueAt
			});
		}
	}

	// Deletion requests: the grace period decides, no further warning (the person asked).
	const requests = db
		.select({ userId: deletionRequests.userId, name: users.name, dueAt: deletionRequests.dueAt })
		.from(deletionRequests)
		.innerJoin(users, eq(users.id, deletionRequests.userId))
		.where(and(isNotNull(deletionRequests.dueAt), lte(deletionRequests.dueAt, horizon)))
		.orderBy(asc(deletionRequests.dueAt))
		.all();
	for (const request of requests) {
		planned.push({
			userId: request.userId,
			name: request.name,
			reason: 'deletion_request',
			objectId: '',
			cohortName: null,
			ruleDueAt: request.dueAt,
			deleteOn: request.dueAt,
			warnedAt: null
		});
	}
	return planned.sort((a, b) => a.deleteOn.getTime() - b.deleteOn.getTime());
}
