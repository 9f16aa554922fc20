import { recordAudit } from '../audit';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { attendance } from '../db/schema';
import { addDays, daysBetween } from './dates';
import { berlinDay } from '$lib/berlin-day';

export interface ModuleDay {
	moduleId: string;
	day: string;
}

/** Presence is recorded on the day or after it, never ahead (Berlin calendar day). */
export function isRecordableDay(day: string, now: Date = new Date()): boolean {
	return day <= berlinDay(now);
}

/** Every date from startsOn to endsOn (one day when endsOn is missing); none without a start. */
export function listModuleDays(startsOn: string | null, endsOn: string | null): string[] {
	if (!startsOn) return [];
	const length = endsOn ? daysBetween(startsOn, endsOn) : 0;
	if (length < 0) return [];
	return Array.from({ length: length + 1 }, (_, offset) => addDays(startsOn, offset));
}

/** The in-person days of a cohort, in course order. */
export function listCohortDays(
	modules: { moduleId: string; startsOn: string | null; endsOn: string | null }[]
): ModuleDay[] {
	return modules.flatMap((module) =>
		listModuleDays(module.startsOn, module.endsOn).map((day) => ({
			moduleId: module.moduleId,
			day
		}))
	);
}

/** Presence per learner on one module day; learners without a record are missing from the map. */
export function getAttendance(
	cohortId: string,
	moduleId: string,
	day: string
): Map<string, boolean> {
	const rows = getDb()
		.select({ userId: attendance.userId, present: attendance.present })
		.from(attendance)
		.where(
			and(
				eq(attendance.cohortId, cohortId),
				eq(attendance.moduleId, moduleId),
				eq(attendance.day, day)
			)
		)
		.all();
	return new Map(rows.map((row) => [row.userId, row.present]));
}

/** Records (or corrects) presence for a module day; the caller checks day and learners. */
export function recordAttendance(input: {
	cohortId: string;
	moduleId: string;
	day: string;
	entries: { userId: string; present: boolean }[];
	recordedBy: string;
	now?: Date;
}): void {
	const { cohortId, moduleId, day, recordedBy } = input;
	const recordedAt = input.now ?? new Date();
	const db = getDb();
	db.transaction((tx) => {
		for (const entry of input.entries) {
			tx.insert(attendance)
				.values({
					cohortId,
					moduleId,
					day,
					userId: entry.userId,
					present: entry.present,
					recordedBy,
					recordedAt
				})
				.onConflictDoUpdate({
					target: [attendance.cohortId, attendance.moduleId, attendance.userId, attendance.day],
					set: { present: entry.present, recordedBy, recordedAt }
				})
				.run();
		}
		recordAudit(
			{
				actorId: recordedBy,
				action: 'attendance.changed',
				objectType: 'cohort',
				objectId: cohortId,
				details: {
					moduleId,
					day,
					present: input.entries.filter((entry) => entry.present).map((entry) => entry.userId),
					absent: input.entries.filter((entry) => !entry.present).map((entry) => entry.userId)
				}
			},
			tx,
			recordedAt
		);
	});
}

/** Per day, how many learners were recorded present (for the day list). */
export function countPresentByDay(
	cohortId: string
): Map<string, { present: number; recorded: number }> {
	const rows = getDb()
		.select({ moduleId: attendance.moduleId, day: attendance.day, present: attendance.present })
		.from(attendance)
		.where(eq(attendance.cohortId, cohortId))
		.all();
	const counts = new Map<string, { present: number; recorded: number }>();
	for (const row of rows) {
		const key = `${row.moduleId}|${row.day}`;
		const entry = counts.get(key) ?? { present: 0, recorded: 0 };
		entry.recorded += 1;
		if (row.present) entry.present += 1;
		counts.set(key, entry);
	}
	return counts;
}

/**
 * True when the learner was recorded present on every day given (for courses whose completion
 * requires attendance). A day without a record counts as missed.
 */
export function attendedAllDays(cohortId: string, userId: string, days: ModuleDay[]): boolean {
	const present = new Set(
		getDb()
			.select({ moduleId: attendance.moduleId, day: attendance.day, present: attendance.present })
			.from(attendance)
			.where(and(eq(attendance.cohortId, cohortId), eq(attendance.userId, userId)))
			.all()
			.filter((row) => row.present)
			.map((row) => `${row.moduleId}|${row.day}`)
	);
	return days.every((day) => present.has(`${day.moduleId}|${day.day}`));
}

/** Recorded days of one module that a new schedule no longer lists. */
export interface OrphanedDays {
	moduleId: string;
	days: string[];
}

/**
 * The days with recorded attendance that `modules` (a changed schedule) leaves out, per module
 * in course order. The attendance page lists only the schedule's days, so their records would
 * still count nowhere and show nowhere.
 */
export function findOrphanedAttendance(
	cohortId: string,
	modules: { moduleId: string; startsOn: string | null; endsOn: string | null }[]
): OrphanedDays[] {
	const recorded = getDb()
		.selectDistinct({ moduleId: attendance.moduleId, day: attendance.day })
		.from(attendance)
		.where(eq(attendance.cohortId, cohortId))
		.orderBy(asc(attendance.day))
		.all();
	const kept = new Set(listCohortDays(modules).map((entry) => `${entry.moduleId}|${entry.day}`));
	return modules.flatMap(({ moduleId }) => {
		const days = recorded
			.filter((row) => row.moduleId === moduleId && !kept.has(`${moduleId}|${row.day}`))
			.map((row) => row.day);
		return days.length ? [{ moduleId, days }] : [];
	});
}
