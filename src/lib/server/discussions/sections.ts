import { moduleLabel } from '$lib/module-label';
import { m } from '$lib/paraglide/messages.js';
import { getCourse, getItem, getModule } from '../content';

export interface Section {
	/** Module ID; '' for "Allgemein". */
	id: string;
	title: string;
}

/** "Allgemein" first, then one section per module of the course, in course order. */
export function sectionsOf(courseId: string): Section[] {
	const course = getCourse(courseId);
	return [
		{ id: '', title: m.discussions_section_general() },
		...(course?.modules ?? []).map((module) => ({
			id: module.id,
			title: moduleLabel(module.order + 1, module.title)
		}))
	];
}

export function sectionTitle(courseId: string, moduleId: string | null): string {
	return (
		sectionsOf(courseId).find((section) => section.id === (moduleId ?? ''))?.title ??
		m.discussions_section_general()
	);
}

/** A module of the course (or '' = general): the stored value; undefined when foreign. */
export function sectionIn(courseId: string, moduleId: string): string | null | undefined {
	if (moduleId === '') return null;
	return getModule(moduleId)?.courseId === courseId ? moduleId : undefined;
}

/** Lessons and Praxisaufgaben a thread can be about: the course's, grouped by module. */
export function itemChoices(courseId: string) {
	return (getCourse(courseId)?.modules ?? [])
		.map((module) => ({
			label: moduleLabel(module.order + 1, module.title),
			options: module.items
				.filter((item) => item.type === 'lesson' || item.type === 'assignment')
				.map((item) => ({ value: item.id, label: item.title }))
		}))
		.filter((group) => group.options.length > 0);
}

/** A lesson or Praxisaufgabe of the course; undefined otherwise. */
export function discussableItem(courseId: string, itemId: string) {
	const item = getItem(itemId);
	if (!item || item.courseId !== courseId) return undefined;
	return item.type === 'lesson' || item.type === 'assignment' ? item : undefined;
}
