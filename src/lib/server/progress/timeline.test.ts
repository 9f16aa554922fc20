import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { berlinDay } from '$lib/berlin-day';
import { completionSources } from '$lib/completion-source';
import { countsTowardCompletion, type CourseMeta } from '$lib/content/types';
import { getDb } from '../db';
import { completionEvents, users } from '../db/schema';
import { random, randomCourse } from '$test/unit/random-course';
import { makeCourse } from '$test/unit/test-course';
import { useFreshDatabase } from '$test/unit/test-database';
import { countsForItem, deriveCourseProgress } from './derive';
import type { CompletionEvent } from './events';
import type { TimelinePoint } from './summary';
import { getCompletionTimeline } from './timeline';

// The timeline from the database's hourly changes against the replay of the whole event log it
// replaced (kept here as the reference: its output must not change) and against deriving every
// learner on every day.

/** The summary's timeline until 2026-12: every event of the cohort replayed in JavaScript. */
function replayTimeline(
	course: CourseMeta,
	eventsByUser: ReadonlyMap<string, CompletionEvent[]>,
	learnerIds: string[]
): TimelinePoint[] {
	if (learnerIds.length === 0) return [];
	const items = new Map(course.modules.flatMap((module) => module.items).map((i) => [i.id, i]));
	const total = [...items.values()].filter(countsTowardCompletion).length;
	const replay: { learner: number; event: CompletionEvent; day: string }[] = [];
	learnerIds.forEach((id, learner) => {
		for (const event of eventsByUser.get(id) ?? [])
			replay.push({ learner, event, day: berlinDay(event.at) });
	});
	replay.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
	const states = learnerIds.map(() => new Map<string, boolean>());
	const done = learnerIds.map(() => 0);
	let doneSum = 0;
	let complete = total === 0 ? learnerIds.length : 0;
	const points: TimelinePoint[] = [];
	replay.forEach(({ learner, event, day }, index) => {
		const item = items.get(event.itemId);
		if (item && countsTowardCompletion(item) && countsForItem(item, event)) {
			const wasDone = states[learner]!.get(item.id) === true;
			const isDone = event.kind === 'completed';
			states[learner]!.set(item.id, isDone);
			if (wasDone !== isDone) {
				const change = isDone ? 1 : -1;
				if (done[learner] === total) complete -= 1;
				done[learner]! += change;
				doneSum += change;
				if (done[learner] === total) complete += 1;
			}
		}
		if (replay[index + 1]?.day === day) return;
		const percent = total === 0 ? 0 : (doneSum / total / learnerIds.length) * 100;
		points.push({ day, percent: Math.round(percent), complete });
	});
	return points;
}

/** The learners' events of the course as the summary loaded them for the replay. */
function loadHistory(courseId: string, learnerIds: string[]): Map<string, CompletionEvent[]> {
	const rows = getDb()
		.select({
			userId: completionEvents.userId,
			itemId: completionEvents.itemId,
			kind: completionEvents.kind,
			source: completionEvents.source,
			at: completionEvents.at
		})
		.from(completionEvents)
		.where(
			and(eq(completionEvents.courseId, courseId), inArray(completionEvents.userId, learnerIds))
		)
		.orderBy(asc(completionEvents.userId), asc(completionEvents.at), asc(completionEvents.id))
		.all();
	const byUser = new Map<string, CompletionEvent[]>();
	for (const { userId, ...event } of rows)
		byUser.set(userId, [...(byUser.get(userId) ?? []), event]);
	return byUser;
}

type StoredEvent = CompletionEvent & { userId: string; courseId: string };

function addLearners(ids: string[]) {
	getDb()
		.insert(users)
		.values(ids.map((id) => ({ id, email: `${id}@example.org`, name: id, passwordHash: 'x' })))
		.run();
}

function addEvents(events: StoredEvent[]) {
	for (const event of events) getDb().insert(completionEvents).values(event).run();
}

beforeAll(() => {
	useFreshDatabase();
});

describe('getCompletionTimeline', () => {
	it('counts per Berlin day across both DST switches, with undo and redo', () => {
		const course = makeCourse({
			m1: [
				['a', 'lesson'],
				['b', 'lesson']
			],
			m2: [
				['p', 'assignment'],
				['o', 'assignment', false]
			]
		});
		addLearners(['dst-1', 'dst-2', 'dst-gone']);
		const event = (
			userId: string,
			item: string,
			iso: string,
			kind: CompletionEvent['kind'] = 'completed',
			source: CompletionEvent['source'] = 'lesson_marked'
		): StoredEvent => ({
			userId,
			courseId: 'kurs',
			itemId: `kurs/${item}`,
			kind,
			source,
			at: new Date(iso)
		});
		addEvents([
			// 23:59 in Berlin (CET), then midnight of the day summer time begins.
			event('dst-1', 'm1/a', '2026-03-28T22:59:00Z'),
			event('dst-1', 'm1/b', '2026-03-28T23:00:00Z'),
			// A completing submit of a required assignment counts for nothing; acceptance does.
			event('dst-1', 'm2/p', '2026-03-29T12:00:00Z', 'completed', 'assignment_submitted'),
			event('dst-1', 'm2/p', '2026-03-29T21:59:00Z', 'completed', 'assignment_accepted'),
			// Undone at midnight (CEST) and done again the same day.
			event('dst-1', 'm1/a', '2026-03-29T22:00:00Z', 'uncompleted'),
			event('dst-1', 'm1/a', '2026-03-30T06:00:00Z'),
			// A voluntary assignment: a point for its day, no share.
			event('dst-2', 'm2/o', '2026-03-29T10:00:00Z'),
			event('dst-2', 'm1/a', '2026-03-30T10:00:00Z'),
			event('dst-2', 'm1/a', '2026-03-31T10:00:00Z'),
			// 23:59 in Berlin (CET again), then midnight after winter time began.
			event('dst-2', 'm1/b', '2026-10-25T22:59:00Z'),
			event('dst-2', 'm2/p', '2026-10-25T23:00:00Z', 'completed', 'trainer'),
			// Someone no longer in the cohort, and the same learner in another course.
			event('dst-gone', 'm1/b', '2026-04-02T10:00:00Z'),
			{ ...event('dst-1', 'm1/a', '2026-04-03T10:00:00Z'), courseId: 'anderer' }
		]);
		expect(getCompletionTimeline(course, ['dst-1', 'dst-2'])).toEqual([
			{ day: '2026-03-28', percent: 17, complete: 0 },
			{ day: '2026-03-29', percent: 50, complete: 1 },
			{ day: '2026-03-30', percent: 67, complete: 1 },
			{ day: '2026-03-31', percent: 67, complete: 1 },
			{ day: '2026-10-25', percent: 83, complete: 1 },
			{ day: '2026-10-26', percent: 100, complete: 2 }
		]);
	});

	it('follows new and deleted events and a changed set of required items after a first call', () => {
		const course = makeCourse({
			m1: [
				['a', 'lesson'],
				['b', 'lesson']
			]
		});
		addLearners(['live-1', 'live-2']);
		const event = (userId: string, item: string, iso: string): StoredEvent => ({
			userId,
			courseId: 'kurs',
			itemId: `kurs/m1/${item}`,
			kind: 'completed',
			source: 'lesson_marked',
			at: new Date(iso)
		});
		const cohort = ['live-1', 'live-2'];
		addEvents([event('live-1', 'a', '2026-05-04T10:00:00Z')]);
		expect(getCompletionTimeline(course, cohort)).toEqual([
			{ day: '2026-05-04', percent: 25, complete: 0 }
		]);

		// A learner without events so far, and one already computed, both get a new event.
		addEvents([
			event('live-1', 'b', '2026-05-05T10:00:00Z'),
			event('live-2', 'a', '2026-05-05T11:00:00Z')
		]);
		const afterInsert = [
			{ day: '2026-05-04', percent: 25, complete: 0 },
			{ day: '2026-05-05', percent: 75, complete: 1 }
		];
		expect(getCompletionTimeline(course, cohort)).toEqual(afterInsert);

		// An event that is not a learner's last one goes (account deletion, retention).
		getDb()
			.delete(completionEvents)
			.where(and(eq(completionEvents.userId, 'live-1'), eq(completionEvents.itemId, 'kurs/m1/a')))
			.run();
		expect(getCompletionTimeline(course, cohort)).toEqual([
			{ day: '2026-05-05', percent: 50, complete: 0 }
		]);

		// A new content version without b: only a counts, for the same events.
		const lighter = makeCourse({ m1: [['a', 'lesson']] });
		expect(getCompletionTimeline(lighter, cohort)).toEqual([
			{ day: '2026-05-05', percent: 50, complete: 1 }
		]);
		expect(getCompletionTimeline(lighter, cohort)).toEqual(
			replayTimeline(lighter, loadHistory('kurs', cohort), cohort)
		);
	});

	it('is empty without learners or events', () => {
		const course = makeCourse({ m1: [['a', 'lesson']] });
		addLearners(['quiet']);
		expect(getCompletionTimeline(course, [])).toEqual([]);
		expect(getCompletionTimeline(course, ['quiet'])).toEqual([]);
	});

	it('gives what replaying the log gives, and what deriving each learner on each day gives', () => {
		for (let seed = 1; seed <= 150; seed += 1) {
			const pick = random(seed);
			const course = randomCourse(pick);
			// Items of the course and one that was removed from it.
			const ids = [...course.modules.flatMap((m) => m.items.map((i) => i.id)), 'kurs/weg/alt'];
			const learners = Array.from({ length: 1 + pick(4) }, (_, n) => `s${seed}-${n}`);
			const outsider = `s${seed}-weg`;
			addLearners([...learners, outsider]);
			// Around the start or the end of summer time, some events in the same millisecond.
			let at = pick(2) === 0 ? Date.UTC(2026, 2, 28, 18) : Date.UTC(2026, 9, 24, 18);
			const events = Array.from({ length: pick(40) }, (): StoredEvent => {
				at += pick(4) === 0 ? 0 : pick(12 * 60) * 60_000;
				const owner = pick(learners.length + 1);
				return {
					userId: owner === learners.length ? outsider : learners[owner]!,
					courseId: pick(10) === 0 ? 'anderer' : 'kurs',
					itemId: ids[pick(ids.length)]!,
					kind: pick(3) === 0 ? 'uncompleted' : 'completed',
					source: completionSources[pick(completionSources.length)]!,
					at: new Date(at)
				};
			});
			// Stored out of time order (several server processes): the order is by time, then ID.
			const stored = events.map((event) => ({ event, key: pick(1000) }));
			addEvents(stored.sort((a, b) => a.key - b.key).map(({ event }) => event));
			// The last learner has no events of their own: still part of the average.
			const cohort = [...learners, `s${seed}-leer`];
			addLearners([`s${seed}-leer`]);

			const history = loadHistory('kurs', cohort);
			const actual = getCompletionTimeline(course, cohort);
			expect(actual, `seed ${seed}`).toEqual(replayTimeline(course, history, cohort));

			actual.forEach(({ day, percent, complete }) => {
				const states = cohort.map((id) =>
					deriveCourseProgress(
						course,
						(history.get(id) ?? []).filter((event) => berlinDay(event.at) <= day)
					)
				);
				const shares = states.map((p) => (p.total === 0 ? 0 : (p.done / p.total) * 100));
				const average = shares.reduce((sum, share) => sum + share, 0) / cohort.length;
				expect(complete, `seed ${seed}, ${day}`).toBe(states.filter((p) => p.isComplete).length);
				expect(Math.abs(percent - average), `seed ${seed}, ${day}`).toBeLessThanOrEqual(0.5000001);
			});
		}
	});
});
