import { sql, type SQL } from 'drizzle-orm';
import { berlinDay } from '$lib/berlin-day';
import { cohortModules, cohorts } from '../db/schema';

/**
 * Current: still to come, running, or not yet dated. Finished: its last day (a module day or
 * the follow-up meeting) lies before today in Berlin. Lists show current cohorts first, as
 * Moodle's course overview separates past courses.
 */
export type CohortPeriod = 'current' | 'finished';

export const cohortPeriodParam = (params: URLSearchParams): CohortPeriod =>
	params.get('zeitraum') === 'abgeschlossen' ? 'finished' : 'current';

/** The cohort's last dated day (YYYY-MM-DD), '' when it has no dates; for queries over `cohorts`. */
const lastDay = sql`max(
	coalesce((select max(coalesce(${cohortModules.endsOn}, ${cohortModules.startsOn}))
		from ${cohortModules} where ${cohortModules.cohortId} = ${cohorts.id}), ''),
	coalesce(${cohorts.followUpDate}, ''))`;

export function inCohortPeriod(period: CohortPeriod, now = new Date()): SQL {
	const today = berlinDay(now);
	return period === 'finished'
		? sql`(${lastDay} <> '' and ${lastDay} < ${today})`
		: sql`(${lastDay} = '' or ${lastDay} >= ${today})`;
}
