import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import { openDatabase } from '../db';
import { countEvents, perIpThrottle, releaseSlots, reserveSlots } from '.';
import { databasePath } from '../config/paths';
import { throttleKey } from './slots';

const limit = { max: 3, windowMs: 60_000 };
const t = new Date('2026-05-01T10:00:00Z');
const at = (ms: number) => new Date(t.getTime() + ms);

describe('throttle slots', () => {
	beforeEach(() => {
		useFreshDatabase();
	});

	it('allows up to the limit per key within the window, then refuses', () => {
		const take = (value: string, ms: number) =>
			reserveSlots([{ bucket: 'b', value, limit }], at(ms)).ok;
		expect([1, 2, 3].map((ms) => take('10.0.0.1', ms))).toEqual([true, true, true]);
		expect(take('10.0.0.1', 4)).toBe(false);
		expect(take('10.0.0.2', 5)).toBe(true);
	});

	it('allows again once old events leave the window, and does not count refusals', () => {
		for (let i = 0; i < 3; i += 1) reserveSlots([{ bucket: 'b', value: 'ip', limit }], at(0));
		for (let i = 0; i < 50; i += 1) reserveSlots([{ bucket: 'b', value: 'ip', limit }], at(30_000));
		expect(reserveSlots([{ bucket: 'b', value: 'ip', limit }], at(59_000)).ok).toBe(false);
		expect(reserveSlots([{ bucket: 'b', value: 'ip', limit }], at(60_001)).ok).toBe(true);
	});

	it('takes a slot from every key or from none, and names the full buckets', () => {
		const small = { max: 1, windowMs: 60_000 };
		expect(reserveSlots([{ bucket: 'pair', value: 'x', limit: small }], at(0)).ok).toBe(true);
		const both = reserveSlots(
			[
				{ bucket: 'pair', value: 'x', limit: small },
				{ bucket: 'ip', value: 'y', limit }
			],
			at(1)
		);
		expect(both).toEqual({ ok: false, refused: ['pair'] });
		expect(countEvents('ip', 'y', 60_000, at(2))).toBe(0);
	});

	it('gives released slots back', () => {
		const first = reserveSlots(
			[{ bucket: 'b', value: 'k', limit: { max: 1, windowMs: 60_000 } }],
			at(0)
		);
		expect(first.ok).toBe(true);
		if (first.ok) releaseSlots(first.ids);
		expect(
			reserveSlots([{ bucket: 'b', value: 'k', limit: { max: 1, windowMs: 60_000 } }], at(1)).ok
		).toBe(true);
	});

	it('counts what another connection (server process) recorded against the same limit', () => {
		const other = openDatabase(databasePath());
		other.$client
			.prepare('insert into throttle_events (key, at) values (?, ?)')
			.run(throttleKey('ip:test', '10.1.1.1'), t.getTime());
		other.$client.close();
		const throttle = perIpThrottle('test', { max: 2, windowSeconds: 60 });
		expect(throttle.take('10.1.1.1', at(1))).toBe(true);
		expect(throttle.take('10.1.1.1', at(2))).toBe(false);
		expect(throttle.take('10.1.1.2', at(3))).toBe(true);
	});

	it('reads a per-address limit from its environment variable', () => {
		process.env.VERIFY_LIMIT_IP = '1';
		const throttle = perIpThrottle(
			'env',
			{ max: 5, windowSeconds: 900 },
			{ max: 'VERIFY_LIMIT_IP' }
		);
		expect(throttle.take('ip', at(0))).toBe(true);
		expect(throttle.take('ip', at(1))).toBe(false);
		expect(throttle.retryAfterSeconds()).toBe(900);
		delete process.env.VERIFY_LIMIT_IP;
		expect(throttle.take('ip', at(2))).toBe(true);
	});
});
