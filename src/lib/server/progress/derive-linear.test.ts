import { describe, expect, it } from 'vitest';
import { countsTowardCompletion } from '$lib/content/types';
import { countsForItem, deriveCourseProgress, type CourseProgress } from './derive';
import type { CompletionEvent } from './events';
import { random, randomCourse } from '$test/unit/random-course';

// The one-pass version of "new item" against its plain definition (quadratic, as it was written
// first), on random courses and event logs. The cohort timeline's: see timeline.test.ts.

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
});
