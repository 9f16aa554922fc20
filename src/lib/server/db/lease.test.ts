import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../../tests/support/unit/test-database';
import { getDb } from '.';
import { LeaseTimeout, withLease } from './lease';
import { leases } from './schema';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
	useFreshDatabase();
});

/** A lease row as a process leaves it that stopped while holding it. */
function leftBehind(name: string, untilMs: number) {
	getDb()
		.insert(leases)
		.values({ name, holder: 'gestorben', until: new Date(Date.now() + untilMs) })
		.run();
}

describe('a lease', () => {
	it('lets a second holder start only when the first is done', async () => {
		const events: string[] = [];
		const first = withLease('ordnung', async () => {
			events.push('eins beginnt');
			await pause(150);
			events.push('eins endet');
		});
		const second = withLease('ordnung', async () => {
			events.push('zwei beginnt');
		});
		await Promise.all([first, second]);
		expect(events).toEqual(['eins beginnt', 'eins endet', 'zwei beginnt']);
	});

	it('is released when the task fails', async () => {
		await expect(
			withLease('fehler', async () => {
				throw new Error('kaputt');
			})
		).rejects.toThrow('kaputt');
		await expect(withLease('fehler', async () => 'frei', { waitMs: 0 })).resolves.toBe('frei');
	});

	it('left behind by a process that died is taken over when it ends', async () => {
		leftBehind('verwaist', 200);
		const started = Date.now();
		await expect(withLease('verwaist', async () => 'übernommen')).resolves.toBe('übernommen');
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
	});

	it('gives up when the holder keeps it beyond the wait', async () => {
		leftBehind('belegt', 60_000);
		await expect(withLease('belegt', async () => 'nie', { waitMs: 100 })).rejects.toBeInstanceOf(
			LeaseTimeout
		);
	});
});
