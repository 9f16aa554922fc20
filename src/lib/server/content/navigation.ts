import type { CourseMeta, ItemMeta } from '$lib/content/types';

export interface Neighbours {
	previous: ItemMeta | null;
	next: ItemMeta | null;
}

/** Items of a course in reading order, across module boundaries. */
export function courseItems(course: CourseMeta): ItemMeta[] {
	return course.modules.flatMap((module) => module.items);
}

/** The items before and after `itemId` in the course; both null for an unknown item. */
export function findNeighbours(course: CourseMeta, itemId: string): Neighbours {
	const items = courseItems(course);
	const index = items.findIndex((item) => item.id === itemId);
	if (index < 0) return { previous: null, next: null };
	return { previous: items[index - 1] ?? null, next: items[index + 1] ?? null };
}
