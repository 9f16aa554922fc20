import { describe, expect, it } from 'vitest';
import { LearnerStampCache } from './learner-stamp-cache';

/** A cache whose values name the version they were computed at, and the calls it made. */
function counting(maxEntries = 100) {
	const cache = new LearnerStampCache<string>(maxEntries);
	const calls: string[][] = [];
	const database = {};
	const get = (versions: Record<string, number>, contentKey = 'v1', from = database) =>
		Object.fromEntries(
			cache.get(
				'kurs',
				contentKey,
				{ database: from, byLearner: new Map(Object.entries(versions)) },
				(learnerIds) => {
					calls.push(learnerIds);
					// "leer" has events, but none the value is made of.
					const computed = learnerIds.filter((id) => id !== 'leer');
					return new Map(computed.map((id) => [id, `${id}@${versions[id]}/${contentKey}`]));
				},
				'nichts'
			)
		);
	return { get, calls };
}

describe('LearnerStampCache', () => {
	it('computes only learners whose version changed, and gives the empty value to the left-out', () => {
		const { get, calls } = counting();
		expect(get({ a: 1, b: 4, leer: 2 })).toEqual({ a: 'a@1/v1', b: 'b@4/v1', leer: 'nichts' });
		expect(get({ a: 1, b: 4, leer: 2 })).toEqual({ a: 'a@1/v1', b: 'b@4/v1', leer: 'nichts' });
		expect(get({ a: 2, b: 4, c: 1, leer: 2 })).toEqual({
			a: 'a@2/v1',
			b: 'b@4/v1',
			c: 'c@1/v1',
			leer: 'nichts'
		});
		expect(calls).toEqual([
			['a', 'b', 'leer'],
			['a', 'c']
		]);
	});

	it('gives only the learners asked for', () => {
		const { get } = counting();
		get({ a: 1, b: 1 });
		expect(get({ b: 1 })).toEqual({ b: 'b@1/v1' });
	});

	it('drops what it kept for the course when its content changes', () => {
		const { get, calls } = counting();
		get({ a: 1 });
		expect(get({ a: 1 }, 'v2')).toEqual({ a: 'a@1/v2' });
		expect(calls).toEqual([['a'], ['a']]);
	});

	it('keeps nothing computed from another database', () => {
		const { get, calls } = counting();
		get({ a: 1 });
		get({ a: 1 }, 'v1', {});
		expect(calls).toEqual([['a'], ['a']]);
	});

	it('starts afresh instead of growing beyond its limit', () => {
		const { get, calls } = counting(3);
		get({ a: 1, b: 1 });
		get({ c: 1 });
		expect(calls).toEqual([['a', 'b'], ['c']]);
		// Three kept and two more asked for: everything is computed again.
		expect(get({ a: 1, d: 1 })).toEqual({ a: 'a@1/v1', d: 'd@1/v1' });
		expect(calls).toEqual([['a', 'b'], ['c'], ['a', 'd']]);
	});
});
