import {
	countsTowardCompletion,
	type CourseMeta,
	type ItemMeta,
	type ModuleMeta
} from '$lib/content/types';
import { deriveAttendance, type AttendanceProgress } from './attendance';
import type { CompletionEvent } from './events';

// Pure: progress is derived from the event log and the current content, never stored.

export type { AttendanceProgress } from './attendance';

export interface ItemProgress {
	item: ItemMeta;
	complete: boolean;
	completedAt: Date | null;
	/**
	 * Probably added to the content after the learner had passed it: see `isNewItem`. Only ever
	 * true for incomplete items; the course page labels them "neu".
	 */
	isNew: boolean;
}

/** How many of a module's required items are complete. */
export interface ModuleCount {
	module: ModuleMeta;
	done: number;
	total: number;
	complete: boolean;
}

export interface ModuleProgress extends ModuleCount {
	items: ItemProgress[];
	/** When the last missing item was completed; null while incomplete. */
	completedAt: Date | null;
}

export interface CourseProgress {
	course: CourseMeta;
	modules: ModuleProgress[];
	done: number;
	total: number;
	/** 0–100, rounded down so 100 means really everything. */
	percent: number;
	/** Set when the course requires attendance and the learner is in a cohort, else null. */
	attendance: AttendanceProgress | null;
	isComplete: boolean;
	completedAt: Date | null;
}

/** Last event per item wins: completed, undone, completed again… */
export function deriveItemStates(events: CompletionEvent[]): Map<string, Date | null> {
	const states = new Map<string, Date | null>();
	for (const event of events) {
		states.set(event.itemId, event.kind === 'completed' ? event.at : null);
	}
	return states;
}

/**
 * A required assignment completes only when accepted (or set by a trainer). A submit event
 * counts only for optional ones, so an assignment that became required after the learner
 * submitted it waits for acceptance like all others.
 */
export function countsForItem(item: ItemMeta | undefined, event: CompletionEvent): boolean {
	if (event.kind !== 'completed' || event.source !== 'assignment_submitted') return true;
	return item?.type === 'assignment' && !item.required;
}

const latest = (dates: (Date | null)[]): Date | null =>
	dates.some((date) => date === null)
		? null
		: dates.reduce<Date | null>((max, date) => (!max || date! > max ? date : max), null);

export function deriveModuleProgress(
	module: ModuleMeta,
	states: Map<string, Date | null>
): ModuleProgress {
	const items = module.items.map((item) => {
		const completedAt = states.get(item.id) ?? null;
		return { item, complete: completedAt !== null, completedAt, isNew: false };
	});
	const counted = items.filter((entry) => countsTowardCompletion(entry.item));
	const done = counted.filter((entry) => entry.complete).length;
	const complete = done === counted.length;
	return {
		module,
		items,
		done,
		total: counted.length,
		complete,
		completedAt: complete ? latest(counted.map((entry) => entry.completedAt)) : null
	};
}

/**
 * We keep no copy of earlier content, so "added later" is inferred: the learner never touched
 * the item, finished every other item of its module, and has completed something that comes
 * after it in the course. On the usual forward path that only happens when the item was not
 * there yet. A learner skipping an item in an open course may see it labelled new; harmless.
 * One pass over the course (a course page with hundreds of items derives this for each).
 */
export function markNewItems(modules: ModuleProgress[], touched: ReadonlySet<string>): void {
	let completeLater = false;
	for (let m = modules.length - 1; m >= 0; m -= 1) {
		const module = modules[m]!;
		// Required items of the module not yet complete: "all siblings complete" leaves one.
		const counted = module.items.filter((entry) => countsTowardCompletion(entry.item));
		const open = counted.filter((entry) => !entry.complete).length;
		for (let i = module.items.length - 1; i >= 0; i -= 1) {
			const entry = module.items[i]!;
			entry.isNew =
				completeLater &&
				!entry.complete &&
				!touched.has(entry.item.id) &&
				countsTowardCompletion(entry.item) &&
				counted.length > 1 &&
				open === 1;
			if (entry.complete) completeLater = true;
		}
	}
}

const itemIndex = new WeakMap<CourseMeta, Map<string, ItemMeta>>();
/** A course's items by ID, built once per content version (a matrix derives hundreds of learners). */
function itemsById(course: CourseMeta): Map<string, ItemMeta> {
	let items = itemIndex.get(course);
	if (!items) {
		items = new Map(course.modules.flatMap((module) => module.items).map((i) => [i.id, i]));
		itemIndex.set(course, items);
	}
	return items;
}

function relevantEvents(course: CourseMeta, events: CompletionEvent[]): CompletionEvent[] {
	const items = itemsById(course);
	return events.filter((event) => countsForItem(items.get(event.itemId), event));
}

/**
 * The module counts of deriveCourseProgress without an entry per item: the cohort summary
 * needs only these, for every learner.
 */
export function deriveModuleCounts(course: CourseMeta, events: CompletionEvent[]): ModuleCount[] {
	const states = deriveItemStates(relevantEvents(course, events));
	return course.modules.map((module) => {
		const counted = module.items.filter(countsTowardCompletion);
		const done = counted.filter((item) => (states.get(item.id) ?? null) !== null).length;
		return { module, done, total: counted.length, complete: done === counted.length };
	});
}

export function deriveCourseProgress(
	course: CourseMeta,
	events: CompletionEvent[],
	attendance: AttendanceProgress | null = null
): CourseProgress {
	const relevant = relevantEvents(course, events);
	const states = deriveItemStates(relevant);
	const modules = course.modules.map((module) => deriveModuleProgress(module, states));
	const touched = new Set(relevant.map((event) => event.itemId));
	markNewItems(modules, touched);
	const done = modules.reduce((sum, module) => sum + module.done, 0);
	const total = modules.reduce((sum, module) => sum + module.total, 0);
	const itemsComplete = modules.every((module) => module.complete);
	const isComplete = itemsComplete && (attendance?.complete ?? true);
	return {
		course,
		modules,
		done,
		total,
		percent: total === 0 ? 0 : Math.floor((done / total) * 100),
		attendance,
		isComplete,
		completedAt: isComplete
			? latest([
					...modules.map((module) => module.completedAt),
					...(attendance?.fulfilledAt ? [attendance.fulfilledAt] : [])
				])
			: null
	};
}

export { deriveAttendance };

export type ModuleAccess =
	| { open: true }
	| { open: false; reason: 'not_enrolled' }
	| { open: false; reason: 'previous_incomplete'; previous: ModuleMeta; missing: ItemMeta[] };

/**
 * `sequential` courses open module N+1 once module N is complete, or earlier when a trainer
 * unlocked it (`unlocked` holds those module IDs for this learner).
 */
export function deriveModuleAccess(
	progress: CourseProgress,
	moduleId: string,
	unlocked: ReadonlySet<string>
): ModuleAccess {
	const index = progress.modules.findIndex((entry) => entry.module.id === moduleId);
	if (progress.course.unlock === 'open' || index <= 0 || unlocked.has(moduleId)) {
		return { open: true };
	}
	const previous = progress.modules[index - 1]!;
	if (previous.complete) return { open: true };
	return {
		open: false,
		reason: 'previous_incomplete',
		previous: previous.module,
		missing: previous.items
			.filter((entry) => !entry.complete && countsTowardCompletion(entry.item))
			.map((entry) => entry.item)
	};
}

/** The first item still to do, in course order; null when everything required is complete. */
export function nextItem(
	progress: CourseProgress,
	skip: ReadonlySet<string> = new Set()
): ItemMeta | null {
	for (const module of progress.modules) {
		for (const entry of module.items) {
			if (entry.complete || skip.has(entry.item.id)) continue;
			if (countsTowardCompletion(entry.item)) return entry.item;
		}
	}
	return null;
}
