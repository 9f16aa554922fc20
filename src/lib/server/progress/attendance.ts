// Pure: whether a cohort learner attended every in-person day recorded for the cohort.

export interface AttendanceDay {
	moduleId: string;
	/** YYYY-MM-DD. */
	day: string;
}

export interface AttendanceRecord extends AttendanceDay {
	present: boolean;
	recordedAt: Date;
}

export interface AttendanceProgress {
	/** Distinct days on which the trainers recorded attendance for the cohort. */
	days: number;
	present: number;
	/** Days without a "present" record for this learner (absent or not recorded), in order. */
	missing: AttendanceDay[];
	complete: boolean;
	/** When the last required "present" was recorded; null while incomplete. */
	fulfilledAt: Date | null;
}

const key = (day: AttendanceDay) => `${day.moduleId}\u0000${day.day}`;

/** The distinct days in `records`, in order: pass them to deriveAttendance for each learner. */
export function distinctDays(records: AttendanceDay[]): AttendanceDay[] {
	const unique = new Map(records.map((day) => [key(day), day]));
	return [...unique.values()].sort(
		(a, b) => a.day.localeCompare(b.day) || a.moduleId.localeCompare(b.moduleId)
	);
}

/**
 * `cohortDays` are the days recorded for anyone in the cohort: a day the trainer has not yet
 * taken attendance for does not count, a day the learner is missing from does (as absent).
 */
export function deriveAttendance(
	cohortDays: AttendanceDay[],
	learnerRecords: AttendanceRecord[]
): AttendanceProgress {
	const days = distinctDays(cohortDays);
	const present = new Map(
		learnerRecords.filter((record) => record.present).map((record) => [key(record), record])
	);
	const missing = days.filter((day) => !present.has(key(day)));
	const attended = days.map((day) => present.get(key(day))).filter((record) => !!record);
	const complete = missing.length === 0;
	return {
		days: days.length,
		present: attended.length,
		missing,
		complete,
		fulfilledAt: complete
			? attended.reduce<Date | null>(
					(max, record) => (!max || record.recordedAt > max ? record.recordedAt : max),
					null
				)
			: null
	};
}
