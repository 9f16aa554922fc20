import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { useFreshDatabase } from '$test/unit/test-database';
import { countUnread, listNotifications, markAllRead, markRead, notify } from '.';

const data = { itemId: 'kurs/modul/aufgabe', itemTitle: 'Aufgabe' };

describe('notifications', () => {
	let alice: string;
	let bob: string;
	beforeEach(async () => {
		useFreshDatabase();
		alice = (
			await createUser({ email: 'a@x.org', name: 'A', password: 'pw-pw-pw-pw-1', role: 'learner' })
		).id;
		bob = (
			await createUser({ email: 'b@x.org', name: 'B', password: 'pw-pw-pw-pw-1', role: 'learner' })
		).id;
	});

	it('counts unread notifications per user and marks them read', () => {
		notify({ userId: alice, kind: 'feedback_received', data, link: '/a' });
		notify({ userId: alice, kind: 'assignment_due', data, link: '/a' });
		notify({ userId: bob, kind: 'assignment_due', data, link: '/a' });
		expect(countUnread(alice)).toBe(2);
		const [first] = listNotifications(alice, 1).rows;
		expect(markRead(bob, first!.id)).toBe(false);
		expect(markRead(alice, first!.id)).toBe(true);
		expect(countUnread(alice)).toBe(1);
		expect(markAllRead(alice)).toBe(1);
		expect(countUnread(alice)).toBe(0);
		expect(countUnread(bob)).toBe(1);
	});

	it('creates one notification per dedupe key', () => {
		expect(
			notify({ userId: alice, kind: 'assignment_due', data, link: '/a', dedupeKey: 'k' })
		).toBe(true);
		expect(
			notify({ userId: alice, kind: 'assignment_due', data, link: '/a', dedupeKey: 'k' })
		).toBe(false);
		expect(countUnread(alice)).toBe(1);
	});

	it('pages the list, newest first', () => {
		for (let i = 0; i < 25; i++) {
			notify({
				userId: alice,
				kind: 'assignment_due',
				data: { ...data, itemTitle: `n${i}` },
				link: '/a'
			});
		}
		const first = listNotifications(alice, 1);
		expect(first).toMatchObject({ total: 25, page: 1, pages: 2 });
		expect(first.rows).toHaveLength(20);
		expect(listNotifications(alice, 99).rows).toHaveLength(5);
	});
});
