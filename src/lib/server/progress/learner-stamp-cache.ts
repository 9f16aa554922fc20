import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { completionStamps } from '../db/schema';

// What is derived from a learner's completion events in a course (the summary's done counts per
// module, their hourly changes) changes only with those events. completion_stamps.version is
// raised by a trigger with every insert and delete (drizzle/0022), so a value computed at one
// version still holds while the version is the same, and only learners whose events changed
// are computed again. Each server process keeps its own values; the versions come from the
// database on every call, so several processes stay right.

/** The versions of some learners' events in a course, in one database. */
export interface CompletionVersions {
	/** Values computed from another database (a test's fresh one) are not kept for this one. */
	database: object;
	/** Per learner with events in the course. */
	byLearner: ReadonlyMap<string, number>;
}

/** The versions of the learners' events in the course (learners without events are left out). */
export function completionVersions(courseId: string, learnerIds: string[]): CompletionVersions {
	const database = getDb();
	// One parameter for the list instead of one per ID: the same SQL text (and cached statement).
	const rows = database.all<{ userId: string; version: number }>(sql`
		select user_id as userId, version
		from ${completionStamps}
		where course_id = ${courseId}
			and user_id in (select value from json_each(${JSON.stringify(learnerIds)}))
	`);
	return { database, byLearner: new Map(rows.map(({ userId, version }) => [userId, version])) };
}

interface Entry<T> {
	version: number;
	value: T;
}

/**
 * Values per course and learner, each kept with the version it was computed at. `contentKey`
 * names what the values also depend on in the course's content (its required items): when it
 * differs from the last call's, the course's values are dropped.
 */
export class LearnerStampCache<T> {
	private readonly byCourse = new Map<
		string,
		{ contentKey: string; learners: Map<string, Entry<T>> }
	>();
	private entries = 0;
	private database: object | undefined;

	/** @param maxEntries beyond this many learner values the cache starts afresh. */
	constructor(private readonly maxEntries: number) {}

	/**
	 * The values of the learners in `versions`: kept ones whose version still matches, the others
	 * from `compute` (called once, with the learners whose events changed; a learner it leaves out
	 * gets `empty`).
	 */
	get(
		courseId: string,
		contentKey: string,
		versions: CompletionVersions,
		compute: (learnerIds: string[]) => Map<string, T>,
		empty: T
	): Map<string, T> {
		const { byLearner } = versions;
		if (versions.database !== this.database || this.entries + byLearner.size > this.maxEntries) {
			this.database = versions.database;
			for (const course of this.byCourse.values()) course.learners.clear();
			this.entries = 0;
		}
		const learners = this.learnersOf(courseId, contentKey);
		const stale = [...byLearner.keys()].filter(
			(userId) => learners.get(userId)?.version !== byLearner.get(userId)
		);
		if (stale.length > 0) {
			const fresh = compute(stale);
			for (const userId of stale) {
				if (!learners.has(userId)) this.entries += 1;
				learners.set(userId, {
					version: byLearner.get(userId)!,
					value: fresh.get(userId) ?? empty
				});
			}
		}
		return new Map([...byLearner.keys()].map((userId) => [userId, learners.get(userId)!.value]));
	}

	private learnersOf(courseId: string, contentKey: string): Map<string, Entry<T>> {
		const cached = this.byCourse.get(courseId);
		if (cached?.contentKey === contentKey) return cached.learners;
		// A new content version of the course: nothing computed for it holds any more.
		this.entries -= cached?.learners.size ?? 0;
		const learners = new Map<string, Entry<T>>();
		this.byCourse.set(courseId, { contentKey, learners });
		return learners;
	}
}
