import type { ItemMeta } from '$lib/content/types';
import { makeCourse, type Spec } from './test-course';

/** mulberry32: a small seeded generator, so a failure names the seed that reproduces it. */
export function random(seed: number) {
	let state = seed;
	return (n: number) => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
	};
}

const TYPES: ItemMeta['type'][] = ['lesson', 'quiz', 'assignment', 'lesson'];

/** Up to 4 modules of up to 4 items of any type, some assignments voluntary. */
export function randomCourse(pick: (n: number) => number) {
	const modules: Record<string, Spec[]> = {};
	for (let m = 0; m <= pick(4); m += 1) {
		modules[`m${m}`] = Array.from({ length: pick(5) }, (_, i): Spec => {
			return [`i${i}`, TYPES[pick(TYPES.length)]!, pick(4) > 0];
		});
	}
	return makeCourse(modules, 'open');
}
