import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
	it('keeps at most its limit, forgetting the oldest entry first', () => {
		const map = new BoundedMap<string, number>(2);
		map.set('a', 1).set('b', 2).set('c', 3);
		expect([...map.entries()]).toEqual([
			['b', 2],
			['c', 3]
		]);
	});

	it('replaces a value under an existing key without forgetting another', () => {
		const map = new BoundedMap<string, number>(2);
		map.set('a', 1).set('b', 2).set('a', 3);
		expect(map.size).toBe(2);
		expect(map.get('a')).toBe(3);
		expect(map.get('b')).toBe(2);
	});
});
