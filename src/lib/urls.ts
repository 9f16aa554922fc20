/**
 * Where things live, in one place. Content IDs already carry their path
 * (`<course>/<module>/<item>`), so URLs are built from them.
 */
import type { ItemMeta } from '$lib/content/types';

/** The IDs behind the routes `[kurs]/[modul]` and `[kurs]/[modul]/[eintrag]` (the inverse of the URLs). */
export const moduleIdOf = (params: { kurs: string; modul: string }) =>
	`${params.kurs}/${params.modul}`;
export const itemIdOf = (params: { kurs: string; modul: string; eintrag: string }) =>
	`${params.kurs}/${params.modul}/${params.eintrag}`;

export const courseUrl = (courseId: string) => `/kurse/${courseId}`;
export const moduleUrl = (moduleId: string) => `/kurse/${moduleId}`;
export const lessonUrl = (itemId: string) => `/kurse/${itemId}`;
export const quizUrl = (itemId: string) => `/quiz/${itemId}`;
export const assignmentUrl = (itemId: string) => `/aufgaben/${itemId}`;

export function itemUrl(item: Pick<ItemMeta, 'id' | 'type'>): string {
	if (item.type === 'quiz') return quizUrl(item.id);
	if (item.type === 'assignment') return assignmentUrl(item.id);
	return lessonUrl(item.id);
}

/** Trainer material lives outside the course pages, under the trainers' area. */
export const trainerMaterialUrl = (id: string) => `/trainer/material/${id}`;

export const verifyUrl = (code: string) => `/verify/${code}`;
