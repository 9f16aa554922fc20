import { sql } from 'drizzle-orm';
import { countsTowardCompletion, type CourseMeta } from '$lib/content/types';
import { getDb } from '../db';
import { completionEvents } from '../db/schema';
import { completionTimeline, type HourlyChange, type TimelinePoint } from './summary';

/**
 * Per learner and UTC hour with events in the course: the net change of their count of complete
 * required items. The database replays the log (a lag() per learner and item finds each change
 * of state), so only one row per learner and hour reaches JavaScript, not every event.
 * A required item never counts a completing submit (see countsForItem); such events, and those of
 * voluntary or removed items, change nothing but still give their hour a row (change 0), as every
 * day with events is a point of the timeline.
 */
export function listHourlyChanges(course: CourseMeta, learnerIds: string[]): HourlyChange[] {
	const required = course.modules
		.flatMap((module) => module.items)
		.filter(countsTowardCompletion)
		.map((item) => item.id);
	// One parameter per list instead of one per ID: the same SQL text (and cached statement).
	return getDb().all<HourlyChange>(sql`
		with counted as (
			select user_id, item_id, id, at, at / 3600000 as hour, kind = 'completed' as done,
				item_id in (select value from json_each(${JSON.stringify(required)}))
					and not (kind = 'completed' and source = 'assignment_submitted') as counts
			from ${completionEvents}
			where course_id = ${course.id}
				and user_id in (select value from json_each(${JSON.stringify(learnerIds)}))
		),
		changes as (
			select user_id, hour,
				counts * (done - lag(done, 1, 0) over (
					partition by user_id, item_id, counts order by at, id
				)) as change
			from counted
		)
		select user_id as userId, hour, sum(change) as change
		from changes
		group by user_id, hour
	`);
}

/** The cohort's share of complete items at the end of each Berlin day with events. */
export function getCompletionTimeline(course: CourseMeta, learnerIds: string[]): TimelinePoint[] {
	const total = course.modules.flatMap((module) => module.items).filter(countsTowardCompletion);
	return completionTimeline(listHourlyChanges(course, learnerIds), total.length, learnerIds);
}
