import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { auditLog, mailOutbox, users } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { confirmEmailChange, findPendingEmailChange, requestEmailChange } from './email-change';
import type { SessionUser } from './session';
import { createUser } from './users';

const PASSWORD = 'Fahrrad Kanal Brücke';
const HOUR = 60 * 60 * 1000;
const IP = '10.0.0.1';
const outbox = () => getDb().select().from(mailOutbox).all();
const tokenFromMail = () =>
	outbox()
		.at(-1)!
		.textBody!.match(/email-bestaetigen\/([a-z2-7]{32})/)![1]!;
const emailOf = (id: string) =>
	getDb().select({ email: users.email }).from(users).where(eq(users.id, id)).get()!.email;

let aylin: SessionUser;
beforeEach(async () => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
	const user = await createUser({
		email: 'aylin@example.org',
		name: 'Aylin Demir',
		password: PASSWORD,
		role: 'learner'
	});
	aylin = { id: user.id, email: user.email, name: user.name, role: user.role };
});

describe('changing one’s own e-mail address', () => {
	it('changes nothing until the link sent to the new address is used', async () => {
		expect(await requestEmailChange(aylin, 'Aylin.Neu@Example.org', PASSWORD, IP)).toEqual({
			ok: true
		});
		expect(emailOf(aylin.id)).toBe('aylin@example.org');
		const [mail] = outbox();
		expect(mail).toMatchObject({
			kind: 'email_change_confirm',
			toAddress: 'aylin.neu@example.org',
			userId: aylin.id
		});
		const token = tokenFromMail();
		expect(confirmEmailChange(token)).toEqual({
			ok: true,
			userId: aylin.id,
			newEmail: 'aylin.neu@example.org',
			confirmsAddress: false
		});
		expect(emailOf(aylin.id)).toBe('aylin.neu@example.org');
		expect(confirmEmailChange(token)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('tells the old address afterwards, in a mail that cannot be switched off', async () => {
		await requestEmailChange(aylin, 'neu@example.org', PASSWORD, IP);
		confirmEmailChange(tokenFromMail());
		const notice = outbox().at(-1)!;
		expect(notice).toMatchObject({ kind: 'email_changed', toAddress: 'aylin@example.org' });
		expect(notice.textBody).toContain('neu@example.org');
		expect(notice.headers['List-Unsubscribe']).toBeUndefined();
		const actions = getDb().select({ action: auditLog.action }).from(auditLog).all();
		expect(actions.map((row) => row.action)).toEqual([
			'user.email_change_requested',
			'user.email_changed'
		]);
	});

	it('requires the current password and a different address', async () => {
		expect(await requestEmailChange(aylin, 'neu@example.org', 'falsch', IP)).toEqual({
			ok: false,
			reason: 'wrong_password'
		});
		expect(await requestEmailChange(aylin, ' AYLIN@example.org', PASSWORD, IP)).toEqual({
			ok: false,
			reason: 'same_address'
		});
		expect(outbox()).toEqual([]);
	});

	it('counts wrong current passwords like failed logins, so they cannot be guessed here', async () => {
		for (let attempt = 0; attempt < 5; attempt += 1) {
			expect(await requestEmailChange(aylin, 'neu@example.org', `falsch-${attempt}`, IP)).toEqual({
				ok: false,
				reason: 'wrong_password'
			});
		}
		expect(await requestEmailChange(aylin, 'neu@example.org', PASSWORD, IP)).toEqual({
			ok: false,
			reason: 'throttled'
		});
		expect(outbox()).toEqual([]);
	});

	it('does not reveal that an address is taken: its owner gets a notice, nobody a link', async () => {
		await createUser({
			email: 'belegt@example.org',
			name: 'B',
			password: PASSWORD,
			role: 'learner'
		});
		expect(await requestEmailChange(aylin, 'belegt@example.org', PASSWORD, IP)).toEqual({
			ok: true
		});
		const [mail] = outbox();
		expect(mail).toMatchObject({ kind: 'email_change_taken', toAddress: 'belegt@example.org' });
		expect(mail!.textBody).not.toMatch(/email-bestaetigen/);
		expect(emailOf(aylin.id)).toBe('aylin@example.org');
	});

	it('refuses the change when the address was registered in the meantime', async () => {
		await requestEmailChange(aylin, 'neu@example.org', PASSWORD, IP);
		const token = tokenFromMail();
		await createUser({ email: 'neu@example.org', name: 'N', password: PASSWORD, role: 'learner' });
		expect(confirmEmailChange(token)).toEqual({ ok: false, reason: 'taken' });
		expect(emailOf(aylin.id)).toBe('aylin@example.org');
	});

	it('keeps only the newest request, and its link for 24 hours', async () => {
		const now = new Date();
		await requestEmailChange(aylin, 'erst@example.org', PASSWORD, IP, now);
		const first = tokenFromMail();
		await requestEmailChange(aylin, 'dann@example.org', PASSWORD, IP, now);
		const second = tokenFromMail();
		expect(findPendingEmailChange(first, now)).toBeNull();
		expect(findPendingEmailChange(second, new Date(now.getTime() + 23 * HOUR))).not.toBeNull();
		expect(findPendingEmailChange(second, new Date(now.getTime() + 25 * HOUR))).toBeNull();
	});

	it('limits requests to three per 15 minutes', async () => {
		for (const name of ['a', 'b', 'c']) {
			expect(await requestEmailChange(aylin, `${name}@example.org`, PASSWORD, IP)).toEqual({
				ok: true
			});
		}
		expect(await requestEmailChange(aylin, 'd@example.org', PASSWORD, IP)).toEqual({
			ok: false,
			reason: 'throttled'
		});
	});
});
