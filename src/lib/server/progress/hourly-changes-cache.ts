import type { HourlyChange } from './summary';

// A learner's hourly changes in a course only change with their events of the course, and
// completion_events is append-only with AUTOINCREMENT IDs: an insert raises the highest ID, a
// delete lowers the count. So (count, highest ID) of a learner's events says whether what was
// computed for them still holds, and only learners whose events changed are replayed again.

/** What identifies the set of a learner's events in a course. */
export interface EventStamp {
	count: number;
	lastId: number;
}

interface Entry extends EventStamp {
	changes: HourlyChange[];
}

/** Beyond this many learner entries the cache starts afresh (about 100 bytes per hour each). */
const MAX_ENTRIES = 20_000;

/** Per course: the required items the changes were counted against, and the learners' entries. */
const byCourse = new Map<string, { required: string; learners: Map<string, Entry> }>();
let entries = 0;

function learnersOf(courseId: string, required: string): Map<string, Entry> {
	const cached = byCourse.get(courseId);
	if (cached?.required === required) return cached.learners;
	// The course's required items changed (a new content version): nothing of it holds any more.
	entries -= cached?.learners.size ?? 0;
	const learners = new Map<string, Entry>();
	byCourse.set(courseId, { required, learners });
	return learners;
}

/**
 * The hourly changes of `learnerIds` (ordered by learner, then hour): cached ones whose stamp
 * still matches, the others from `compute` (called once, with the learners whose events changed).
 */
export function cachedHourlyChanges(
	courseId: string,
	required: string,
	stamps: ReadonlyMap<string, EventStamp>,
	compute: (learnerIds: string[]) => HourlyChange[]
): HourlyChange[] {
	if (entries + stamps.size > MAX_ENTRIES) {
		for (const course of byCourse.values()) course.learners.clear();
		entries = 0;
	}
	const learners = learnersOf(courseId, required);
	const stale = [...stamps].filter(([userId, stamp]) => {
		const entry = learners.get(userId);
		return !entry || entry.count !== stamp.count || entry.lastId !== stamp.lastId;
	});
	if (stale.length > 0) {
		const fresh = new Map<string, HourlyChange[]>(stale.map(([userId]) => [userId, []]));
		for (const change of compute(stale.map(([userId]) => userId))) {
			fresh.get(change.userId)?.push(change);
		}
		for (const [userId, stamp] of stale) {
			if (!learners.has(userId)) entries += 1;
			learners.set(userId, { ...stamp, changes: fresh.get(userId)! });
		}
	}
	const ordered = [...stamps.keys()].sort();
	return ordered.flatMap((userId) => learners.get(userId)!.changes);
}
