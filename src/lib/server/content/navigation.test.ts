import { describe, expect, it } from 'vitest';
import { makeCourse } from '$test/unit/test-course';
import { findNeighbours } from './navigation';

const course = makeCourse({
	eins: [
		['a', 'lesson'],
		['b', 'lesson']
	],
	leer: [],
	zwei: [['c', 'lesson']]
});

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
