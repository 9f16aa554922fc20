import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { mailOutbox, passwordResetRequests, throttleEvents } from '../db/schema';
import { throttleKey } from '../throttle/slots';
import { useFreshDatabase } from '$test/unit/test-database';
import { attemptLogin } from './login';
import { processPasswordResetRequests, requestPasswordReset } from './password-reset';
import { createUser, setUserActive } from './users';
import { completePasswordReset, findValidPasswordReset } from './password-change';

const PASSWORD = 'Fahrrad Kanal Brücke';
const MINUTE = 60 * 1000;
const outbox = () => getDb().select().from(mailOutbox).all();
/** The token from the link in the newest reset mail (the mail is the only place it exists). */
const tokenFromMail = () =>
	outbox()
		.at(-1)!
		.textBody!.match(/passwort-zuruecksetzen\/([a-z2-7]{32})/)![1]!;

let userId: string;
beforeEach(async () => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
	delete process.env.RESET_LIMIT_IP;
	userId = (
		await createUser({
			email: 'aylin@example.org',
			name: 'Aylin',
			password: PASSWORD,
			role: 'learner'
		})
	).id;
});

describe('Passwort vergessen', () => {
	it('stores known and unknown addresses the same way and answers the same', () => {
		const now = new Date();
		expect(requestPasswordReset('aylin@example.org', '10.0.0.1', 'de', now)).toBe('accepted');
		expect(requestPasswordReset('niemand@example.org', '10.0.0.1', 'de', now)).toBe('accepted');
		const stored = getDb().select().from(passwordResetRequests).all();
		expect(stored.map((row) => row.email)).toEqual(['aylin@example.org', 'niemand@example.org']);
		expect(outbox()).toEqual([]);
	});

	it('mails an hour-long link to the account and forgets the unknown address', () => {
		const now = new Date();
		requestPasswordReset(' Aylin@Example.org ', '10.0.0.1', 'de', now);
		requestPasswordReset('niemand@example.org', '10.0.0.1', 'de', now);
		expect(processPasswordResetRequests(now)).toBe(1);
		expect(getDb().select().from(passwordResetRequests).all()).toEqual([]);
		const [mail] = outbox();
		expect(mail).toMatchObject({
			kind: 'password_reset',
			toAddress: 'aylin@example.org',
			userId,
			secret: true
		});
		expect(mail!.textBody).toContain('60 Minuten');
		const token = tokenFromMail();
		expect(findValidPasswordReset(token, new Date(now.getTime() + 59 * MINUTE))).not.toBeNull();
		expect(findValidPasswordReset(token, new Date(now.getTime() + 61 * MINUTE))).toBeNull();
	});

	it('sends one mail per address in 15 minutes, then again', () => {
		const start = new Date('2026-06-01T10:00:00Z');
		const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
		requestPasswordReset('aylin@example.org', '10.0.0.1', 'de', at(0));
		requestPasswordReset('aylin@example.org', '10.0.0.2', 'de', at(5));
		requestPasswordReset('aylin@example.org', '10.0.0.3', 'de', at(14));
		processPasswordResetRequests(at(14));
		expect(outbox()).toHaveLength(1);
		requestPasswordReset('aylin@example.org', '10.0.0.1', 'de', at(16));
		processPasswordResetRequests(at(16));
		expect(outbox()).toHaveLength(2);
	});

	it('throttles one IP address after RESET_LIMIT_IP requests in 15 minutes', () => {
		process.env.RESET_LIMIT_IP = '3';
		const now = new Date();
		const answers = ['a', 'b', 'c', 'd'].map((name) =>
			requestPasswordReset(`${name}@example.org`, '10.0.0.9', 'de', now)
		);
		expect(answers).toEqual(['accepted', 'accepted', 'accepted', 'throttled']);
		expect(requestPasswordReset('e@example.org', '10.0.0.10', 'de', now)).toBe('accepted');
		expect(
			requestPasswordReset('f@example.org', '10.0.0.9', 'de', new Date(now.getTime() + 16 * MINUTE))
		).toBe('accepted');
		// Bookkeeping older than the window is cleaned up, not kept forever.
		const ipRows = getDb()
			.select()
			.from(throttleEvents)
			.all()
			.filter((row) => row.key === throttleKey('reset-ip', '10.0.0.9'));
		expect(ipRows).toHaveLength(1);
	});

	it('sends nothing to a deactivated account', () => {
		setUserActive(userId, false);
		requestPasswordReset('aylin@example.org', '10.0.0.1', 'de', new Date());
		expect(processPasswordResetRequests()).toBe(0);
		expect(outbox()).toEqual([]);
	});

	it('a link works once; using it voids every other open link of the account', async () => {
		const start = new Date();
		requestPasswordReset('aylin@example.org', '10.0.0.1', 'de', start);
		processPasswordResetRequests(start);
		const first = tokenFromMail();
		const later = new Date(start.getTime() + 16 * MINUTE);
		requestPasswordReset('aylin@example.org', '10.0.0.1', 'de', later);
		processPasswordResetRequests(later);
		const second = tokenFromMail();
		expect(second).not.toBe(first);
		expect(await completePasswordReset(second, 'Neues Passwort für Aylin')).toBe(true);
		expect(await completePasswordReset(second, 'Noch ein Passwort 123')).toBe(false);
		expect(await completePasswordReset(first, 'Noch ein Passwort 123')).toBe(false);
		expect(await attemptLogin('aylin@example.org', 'Neues Passwort für Aylin', '10.0.0.1')).toEqual(
			{
				ok: true,
				userId
			}
		);
	});

	it('writes the mail in English when asked in English', () => {
		requestPasswordReset('aylin@example.org', '10.0.0.1', 'en', new Date());
		processPasswordResetRequests();
		expect(outbox()[0]).toMatchObject({ locale: 'en', subject: 'Reset your password' });
	});
});
