import type { CourseMeta, ItemMeta, ModuleMeta } from '$lib/content/types';
import type { CompletionEvent } from './events';

// Pure: progress is derived from the event log and the current content, never stored.

export interface ItemProgress {
	item: ItemMeta;
	complete: boolean;
	completedAt: Date | null;
}

export interface ModuleProgress {
	module: ModuleMeta;
	items: ItemProgress[];
	done: number;
	total: number;
	complete: boolean;
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
		return { item, complete: completedAt !== null, completedAt };
	});
	const done = items.filter((item) => item.complete).length;
	const complete = done === items.length;
	return {
		module,
		items,
		done,
		total: items.length,
		complete,
		completedAt: complete ? latest(items.map((item) => item.completedAt)) : null
	};
}

export function deriveCourseProgress(
	course: CourseMeta,
	events: CompletionEvent[]
): CourseProgress {
	const states = deriveItemStates(events);
	const modules = course.modules.map((module) => deriveModuleProgress(module, states));
	const done = modules.reduce((sum, module) => sum + module.done, 0);
	const total = modules.reduce((sum, module) => sum + module.total, 0);
	const isComplete = modules.every((module) => module.complete);
	return {
		course,
		modules,
		done,
		total,
		percent: total === 0 ? 0 : Math.floor((done / total) * 100),
		isComplete,
		completedAt: isComplete ? latest(modules.map((module) => module.completedAt)) : null
	};
}

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
		missing: previous.items.filter((entry) => !entry.complete).map((entry) => entry.item)
	};
}
