import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limit';

describe('verification rate limit', () => {
	const limiter = () => new SlidingWindowLimiter(() => ({ max: 3, windowMs: 60_000 }));

	it('allows up to the limit per address within the window, then refuses', () => {
		const limit = limiter();
		const t = 1_000_000;
		expect([1, 2, 3].map((i) => limit.take('10.0.0.1', t + i))).toEqual([true, true, true]);
		expect(limit.take('10.0.0.1', t + 4)).toBe(false);
		expect(limit.take('10.0.0.2', t + 5)).toBe(true);
	});

	it('allows again once old requests leave the window', () => {
		const limit = limiter();
		const t = 1_000_000;
		for (let i = 0; i < 3; i += 1) limit.take('ip', t + i);
		expect(limit.take('ip', t + 59_000)).toBe(false);
		expect(limit.take('ip', t + 60_001)).toBe(true);
	});

	it('does not count refused requests, so waiting always helps', () => {
		const limit = limiter();
		const t = 1_000_000;
		for (let i = 0; i < 3; i += 1) limit.take('ip', t);
		for (let i = 0; i < 50; i += 1) limit.take('ip', t + 30_000);
		expect(limit.take('ip', t + 60_001)).toBe(true);
	});
});
