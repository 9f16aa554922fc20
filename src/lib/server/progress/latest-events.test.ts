import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { completionEvents, completionLatest, users } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { deriveCourseProgress } from './derive';
import { listCompletionEvents, type CompletionEvent } from './events';
import { makeCourse } from '$test/unit/test-course';

// completion_latest is kept by triggers (drizzle/0010): whatever is inserted or deleted, progress
// derived from it equals progress derived from the whole log.

const course = makeCourse({
	m1: [
		['a', 'lesson'],
		['b', 'assignment'],
		['c', 'assignment', false]
	],
	m2: [['d', 'quiz']]
});
const ITEMS = ['kurs/m1/a', 'kurs/m1/b', 'kurs/m1/c', 'kurs/m2/d'];
const SOURCES = [
	'lesson_marked',
	'assignment_submitted',
	'assignment_accepted',
	'trainer'
] as const;

let n = 0;
function makeUser() {
	n += 1;
	const id = `latest${n}`;
	getDb()
		.insert(users)
		.values({ id, email: `${id}@example.org`, name: id, passwordHash: 'x' })
		.run();
	return id;
}

function wholeLog(userId: string): CompletionEvent[] {
	return getDb()
		.select()
		.from(completionEvents)
		.where(eq(completionEvents.userId, userId))
		.orderBy(asc(completionEvents.at), asc(completionEvents.id))
		.all();
}

const progressOf = (events: CompletionEvent[]) => {
	const progress = deriveCourseProgress(course, events);
	return progress.modules.flatMap((m) =>
		m.items.map((i) => [i.item.id, i.complete, i.completedAt?.getTime() ?? null, i.isNew])
	);
};

function insert(
	userId: string,
	itemId: string,
	kind: 'completed' | 'uncompleted',
	source: (typeof SOURCES)[number],
	at: number
) {
	getDb()
		.insert(completionEvents)
		.values({ userId, courseId: 'kurs', itemId, kind, source, at: new Date(at) })
		.run();
}

beforeAll(() => useFreshDatabase());

describe('completion_latest', () => {
	it('keeps at most two rows per item and derives what the whole log derives', () => {
		const userId = makeUser();
		let state = 7;
		const pick = (k: number) => {
			state = (state * 48271) % 2147483647;
			return state % k;
		};
		for (let i = 0; i < 400; i += 1) {
			// Few distinct times, so that ties on `at` happen often.
			insert(
				userId,
				ITEMS[pick(4)]!,
				pick(3) ? 'completed' : 'uncompleted',
				SOURCES[pick(4)]!,
				1000 + pick(40)
			);
			if (i % 25 === 0) {
				expect(progressOf(listCompletionEvents(userId, 'kurs'))).toEqual(
					progressOf(wholeLog(userId))
				);
			}
		}
		expect(listCompletionEvents(userId, 'kurs').length).toBeLessThanOrEqual(2 * ITEMS.length);
		expect(progressOf(listCompletionEvents(userId, 'kurs'))).toEqual(progressOf(wholeLog(userId)));
	});

	it('puts the previous event back when the latest is deleted', () => {
		const userId = makeUser();
		insert(userId, 'kurs/m1/a', 'completed', 'lesson_marked', 1000);
		insert(userId, 'kurs/m1/a', 'uncompleted', 'lesson_marked', 2000);
		expect(listCompletionEvents(userId, 'kurs')).toMatchObject([{ kind: 'uncompleted' }]);
		const last = wholeLog(userId).at(-1)!;
		getDb().delete(completionEvents).where(eq(completionEvents.at, last.at)).run();
		expect(listCompletionEvents(userId, 'kurs')).toMatchObject([
			{ itemId: 'kurs/m1/a', kind: 'completed' }
		]);
	});

	it('leaves nothing behind when the user is deleted', () => {
		const userId = makeUser();
		insert(userId, 'kurs/m1/a', 'completed', 'lesson_marked', 1000);
		insert(userId, 'kurs/m1/a', 'uncompleted', 'lesson_marked', 2000);
		insert(userId, 'kurs/m1/b', 'completed', 'assignment_submitted', 3000);
		getDb().delete(users).where(eq(users.id, userId)).run();
		expect(
			getDb().select().from(completionLatest).where(eq(completionLatest.userId, userId)).all()
		).toEqual([]);
	});

	it('refuses to change a logged event', () => {
		const userId = makeUser();
		insert(userId, 'kurs/m1/a', 'completed', 'lesson_marked', 1000);
		expect(() =>
			getDb()
				.update(completionEvents)
				.set({ kind: 'uncompleted' })
				.where(eq(completionEvents.userId, userId))
				.run()
		).toThrow(/append-only/);
	});
});
