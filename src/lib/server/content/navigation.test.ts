import { describe, expect, it } from 'vitest';
import type { CourseMeta, ItemMeta, ModuleMeta } from '$lib/content/types';
import { findNeighbours } from './navigation';

function lesson(moduleId: string, slug: string, order: number): ItemMeta {
	return {
		id: `${moduleId}/${slug}`,
		courseId: 'kurs',
		moduleId,
		slug,
		order,
		title: slug,
		type: 'lesson',
		minutes: null,
		reflection: null,
		downloads: [],
		review: { stand: null, verantwortlich: null, naechstePruefung: null }
	};
}

function module(slug: string, order: number, items: string[]): ModuleMeta {
	const id = `kurs/${slug}`;
	return {
		id,
		courseId: 'kurs',
		slug,
		order,
		title: slug,
		summary: null,
		hours: null,
		hoursSplit: null,
		objectives: [],
		downloads: [],
		review: { stand: null, verantwortlich: null, naechstePruefung: null },
		items: items.map((item, index) => lesson(id, item, index))
	};
}

const course: CourseMeta = {
	id: 'kurs',
	order: 0,
	title: 'Kurs',
	summary: '',
	language: 'de',
	unlock: 'sequential',
	attendanceRequired: false,
	certificate: null,
	review: { stand: null, verantwortlich: null, naechstePruefung: null },
	modules: [module('eins', 0, ['a', 'b']), module('leer', 1, []), module('zwei', 2, ['c'])]
};

describe('previous and next item', () => {
	it('has no previous item at the start and no next item at the end', () => {
		expect(findNeighbours(course, 'kurs/eins/a')).toMatchObject({
			previous: null,
			next: { id: 'kurs/eins/b' }
		});
		expect(findNeighbours(course, 'kurs/zwei/c')).toMatchObject({
			previous: { id: 'kurs/eins/b' },
			next: null
		});
	});

	it('crosses module boundaries and skips empty modules', () => {
		expect(findNeighbours(course, 'kurs/eins/b').next?.id).toBe('kurs/zwei/c');
		expect(findNeighbours(course, 'kurs/zwei/c').previous?.id).toBe('kurs/eins/b');
	});

	it('returns nothing for an item that is not in the course', () => {
		expect(findNeighbours(course, 'kurs/eins/x')).toEqual({ previous: null, next: null });
	});
});
