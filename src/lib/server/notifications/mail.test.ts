import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUser, setUserActive } from '../auth/users';
import { getDb } from '../db';
import { mailOutbox, notifications } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { setMailLocale, setMailPreferences } from '../mail';
import { queueDailyDigests } from './digest';
import { notify } from '.';

const data = { itemId: 'kurs/modul/aufgabe', itemTitle: 'Aufgabe „Gespräch“', dueOn: '2026-06-09' };
const outbox = () => getDb().select().from(mailOutbox).all();
const emailedAt = (id: string) =>
	getDb().select().from(notifications).where(eq(notifications.id, id)).get()?.emailedAt;
const berlin = (iso: string) => new Date(`${iso}+02:00`);

let alice: string;
beforeEach(async () => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
	alice = (
		await createUser({
			email: 'a@x.org',
			name: 'Alice',
			password: 'pw-pw-pw-pw-1',
			role: 'learner'
		})
	).id;
});

describe('mails for notifications', () => {
	it('"sofort" queues the mail with the notification and records emailed_at', () => {
		notify({ userId: alice, kind: 'assignment_due', data, link: '/aufgaben/kurs/modul/aufgabe' });
		const [mail] = outbox();
		expect(mail).toMatchObject({ kind: 'assignment_due', toAddress: 'a@x.org', status: 'queued' });
		expect(mail!.subject).toContain('Aufgabe „Gespräch“');
		expect(mail!.headers['List-Unsubscribe']).toMatch(
			/^<https:\/\/lernen\.example\.org\/abbestellen\/[a-z2-7]{32}\/erinnerungen>$/
		);
		const [notification] = getDb().select().from(notifications).all();
		expect(emailedAt(notification!.id)).toBeInstanceOf(Date);
	});

	it('"nie" sends nothing, the in-app notification still appears', () => {
		setMailPreferences(alice, { assignment_due: 'never' });
		expect(notify({ userId: alice, kind: 'assignment_due', data, link: '/a' })).toBe(true);
		expect(outbox()).toEqual([]);
		expect(getDb().select().from(notifications).all()).toHaveLength(1);
	});

	it('writes the mail in the language the user chose', () => {
		setMailLocale(alice, 'en');
		notify({ userId: alice, kind: 'assignment_due', data, link: '/a' });
		expect(outbox()[0]).toMatchObject({ locale: 'en' });
		expect(outbox()[0]!.subject).toMatch(/^Reminder: submit/);
	});

	it('sends nothing to a deactivated account', () => {
		setUserActive(alice, false);
		notify({ userId: alice, kind: 'assignment_due', data, link: '/a' });
		expect(outbox()).toEqual([]);
	});

	it('rolls the mail back with the event that caused it', () => {
		expect(() =>
			getDb().transaction(() => {
				notify({ userId: alice, kind: 'assignment_due', data, link: '/a' });
				throw new Error('the causing change failed');
			})
		).toThrow('the causing change failed');
		expect(outbox()).toEqual([]);
		expect(getDb().select().from(notifications).all()).toEqual([]);
	});
});

describe('daily digest', () => {
	beforeEach(() =>
		setMailPreferences(alice, { feedback_received: 'daily', assignment_due: 'daily' })
	);

	it('bundles the day’s notifications into one mail from 7 o’clock, once a day', () => {
		notify({ userId: alice, kind: 'assignment_due', data, link: '/a' }, berlin('2026-06-05T15:00'));
		notify(
			{
				userId: alice,
				kind: 'feedback_received',
				data: { ...data, decision: 'accepted' },
				link: '/b'
			},
			berlin('2026-06-05T16:00')
		);
		expect(outbox()).toEqual([]);
		expect(queueDailyDigests(berlin('2026-06-06T06:59'))).toBe(0);
		expect(queueDailyDigests(berlin('2026-06-06T07:00'))).toBe(1);
		const [digest] = outbox();
		expect(digest).toMatchObject({ kind: 'digest', dedupeKey: `digest:${alice}:2026-06-06` });
		expect(digest!.textBody).toContain('ist bis');
		expect(digest!.textBody).toContain('wurde angenommen');
		expect(digest!.textBody).toContain('https://lernen.example.org/b');
		// A later notification the same day waits for tomorrow's digest.
		notify(
			{ userId: alice, kind: 'assignment_due', data: { ...data, itemTitle: 'Zwei' }, link: '/c' },
			berlin('2026-06-06T08:00')
		);
		expect(queueDailyDigests(berlin('2026-06-06T09:00'))).toBe(0);
		expect(queueDailyDigests(berlin('2026-06-07T07:05'))).toBe(1);
		expect(outbox()).toHaveLength(2);
	});

	it('drops waiting entries when the kind is switched to "nie"', () => {
		notify({ userId: alice, kind: 'assignment_due', data, link: '/a' }, berlin('2026-06-05T15:00'));
		setMailPreferences(alice, { assignment_due: 'never' });
		expect(queueDailyDigests(berlin('2026-06-06T07:00'))).toBe(0);
		expect(outbox()).toEqual([]);
	});
});
