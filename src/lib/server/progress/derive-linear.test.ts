import { describe, expect, it } from 'vitest';
import { countsTowardCompletion, type ItemMeta } from '$lib/content/types';
import { countsForItem, deriveCourseProgress, type CourseProgress } from './derive';
import type { CompletionEvent } from './events';
import { completionTimeline } from './summary';
import { makeCourse, type Spec } from '$test/unit/test-course';

// The one-pass versions of "new item" and the cohort timeline against their plain definitions
// (quadratic, as they were written first), on random courses and event logs.

/** mulberry32: a small seeded generator, so a failure names the seed that reproduces it. */
function random(seed: number) {
	let state = seed;
	return (n: number) => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
	};
}

const TYPES: ItemMeta['type'][] = ['lesson', 'quiz', 'assignment', 'lesson'];

function randomCourse(pick: (n: number) => number) {
	const modules: Record<string, Spec[]> = {};
	for (let m = 0; m <= pick(4); m += 1) {
		modules[`m${m}`] = Array.from({ length: pick(5) }, (_, i): Spec => {
			return [`i${i}`, TYPES[pick(TYPES.length)]!, pick(4) > 0];
		});
	}
	return makeCourse(modules, 'open');
}

function randomEvents(pick: (n: number) => number, ids: string[], count: number) {
	const start = Date.UTC(2026, 1, 1);
	return Array.from({ length: count }, (_, n): CompletionEvent => ({
		itemId: ids[pick(ids.length)]!,
		kind: pick(4) === 0 ? 'uncompleted' : 'completed',
		source: pick(3) === 0 ? 'assignment_submitted' : 'lesson_marked',
		at: new Date(start + n * 5 * 3_600_000)
	}));
}

/** The definition: untouched, all other required items of its module done, something later done. */
function isNewByDefinition(progress: CourseProgress, itemId: string, touched: Set<string>) {
	const flat = progress.modules.flatMap((module) => module.items);
	const index = flat.findIndex((entry) => entry.item.id === itemId);
	const entry = flat[index]!;
	if (entry.complete || touched.has(itemId) || !countsTowardCompletion(entry.item)) return false;
	const siblings = flat.filter(
		(other) =>
			other.item.moduleId === entry.item.moduleId &&
			other.item.id !== itemId &&
			countsTowardCompletion(other.item)
	);
	if (siblings.length === 0 || !siblings.every((other) => other.complete)) return false;
	return flat.slice(index + 1).some((other) => other.complete);
}

const berlinDay = (at: Date) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);

describe('one-pass derivations', () => {
	it('flag the same new items as the definition', () => {
		for (let seed = 1; seed <= 300; seed += 1) {
			const pick = random(seed);
			const course = randomCourse(pick);
			const ids = course.modules.flatMap((m) => m.items.map((i) => i.id));
			if (ids.length === 0) continue;
			const events = randomEvents(pick, ids, pick(12));
			const progress = deriveCourseProgress(course, events);
			const items = new Map(course.modules.flatMap((m) => m.items).map((i) => [i.id, i]));
			const touched = new Set(
				events.filter((e) => countsForItem(items.get(e.itemId), e)).map((e) => e.itemId)
			);
			for (const entry of progress.modules.flatMap((m) => m.items)) {
				expect(entry.isNew, `seed ${seed}, ${entry.item.id}`).toBe(
					isNewByDefinition(progress, entry.item.id, touched)
				);
			}
		}
	});

	it('give the cohort timeline that deriving each learner on each day gives', () => {
		for (let seed = 1; seed <= 100; seed += 1) {
			const pick = random(seed);
			const course = randomCourse(pick);
			const ids = course.modules.flatMap((m) => m.items.map((i) => i.id));
			if (ids.length === 0) continue;
			const learners = ['a', 'b', 'c'].slice(0, 1 + pick(3));
			const byUser = new Map(learners.map((id) => [id, randomEvents(pick, ids, pick(15))]));
			const days = [...new Set([...byUser.values()].flat().map((e) => berlinDay(e.at)))].sort();
			const expected = days.map((day) => {
				const states = learners.map((id) =>
					deriveCourseProgress(
						course,
						byUser.get(id)!.filter((e) => berlinDay(e.at) <= day)
					)
				);
				const percent =
					states.reduce((sum, p) => sum + (p.total === 0 ? 0 : (p.done / p.total) * 100), 0) /
					learners.length;
				return { day, percent, complete: states.filter((p) => p.isComplete).length };
			});
			const actual = completionTimeline(course, byUser, learners);
			expect(actual.map((p) => p.day)).toEqual(expected.map((p) => p.day));
			actual.forEach((point, i) => {
				expect(point.complete, `seed ${seed}`).toBe(expected[i]!.complete);
				expect(Math.abs(point.percent - expected[i]!.percent), `seed ${seed}`).toBeLessThanOrEqual(
					0.5000001
				);
			});
		}
	});
});
