import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { mailOutbox, users } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { loadMailConfig } from './config';
import {
	claimNextMail,
	deleteOldMails,
	getOutboxMail,
	markFailed,
	queueMail,
	requeueMail
} from './outbox';
import { createMailWorker } from './worker';

const DAY = 24 * 60 * 60 * 1000;

function queueReset(to = 'aylin@example.org', now = new Date()) {
	queueMail(
		{
			userId: null,
			to,
			locale: 'de',
			content: {
				kind: 'password_reset',
				name: 'Aylin',
				path: '/passwort-zuruecksetzen/abc',
				validMinutes: 60
			}
		},
		getDb(),
		now
	);
	return getDb().select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)).get()!.id;
}

beforeEach(() => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
});

describe('the outbox', () => {
	it('hands a due mail to one sender at a time; a lease that ran out lets another take it', () => {
		const id = queueReset();
		const now = new Date();
		const first = claimNextMail('a', now, 60_000);
		expect(first).toMatchObject({ id, status: 'sending', claimedBy: 'a', attempts: 1 });
		expect(claimNextMail('b', new Date(now.getTime() + 59_000), 60_000)).toBeUndefined();
		expect(claimNextMail('b', new Date(now.getTime() + 61_000), 60_000)).toMatchObject({
			id,
			claimedBy: 'b',
			attempts: 2
		});
	});

	it('ignores the same dedupe key twice', () => {
		const mail = {
			userId: null,
			to: 'a@example.org',
			locale: 'de' as const,
			content: { kind: 'email_change_taken' as const },
			dedupeKey: 'einmal'
		};
		expect(queueMail(mail)).toBe(true);
		expect(queueMail(mail)).toBe(false);
		expect(getDb().select().from(mailOutbox).all()).toHaveLength(1);
	});

	it('lets an admin queue a failed mail again, and only a failed one', () => {
		const id = queueReset();
		expect(requeueMail(id)).toBe(false);
		markFailed(claimNextMail('a', new Date(), 60_000)!, '550 no such user');
		expect(requeueMail(id)).toBe(true);
		expect(getOutboxMail(id)).toMatchObject({ status: 'queued', attempts: 0 });
	});

	it('deletes delivered and failed mails after 90 days, never waiting ones', () => {
		const old = new Date(Date.now() - 91 * DAY);
		const sent = queueReset('alt@example.org', old);
		getDb().update(mailOutbox).set({ status: 'kept' }).where(eq(mailOutbox.id, sent)).run();
		const waiting = queueReset('wartet@example.org', old);
		const recent = queueReset('neu@example.org');
		getDb().update(mailOutbox).set({ status: 'sent' }).where(eq(mailOutbox.id, recent)).run();
		expect(deleteOldMails()).toBe(1);
		expect(getOutboxMail(sent)).toBeUndefined();
		expect(getOutboxMail(waiting)).toBeDefined();
		expect(getOutboxMail(recent)).toBeDefined();
	});
});

describe('without a mail server', () => {
	it('keeps each mail as an .eml file and for the Postausgang', async () => {
		const mailDir = mkdtempSync(join(tmpdir(), 'postausgang-'));
		const id = queueReset();
		const worker = createMailWorker({
			config: loadMailConfig({ ...process.env, SMTP_URL: '', MAIL_DIR: mailDir })
		});
		expect(await worker.drain()).toBe(1);
		await worker.stop();
		const file = join(mailDir, `${id}.eml`);
		expect(existsSync(file)).toBe(true);
		const eml = readFileSync(file, 'utf8');
		expect(eml).toMatch(/^Message-ID: <[a-z2-7]{16}@lernen\.example\.org>$/m);
		expect(eml).toMatch(/^Subject: .*=\?UTF-8\?Q\?.*zur=C3=BCcksetzen/m);
		const stored = getOutboxMail(id)!;
		expect(stored).toMatchObject({ status: 'kept' });
		// Kept mails keep their body: the Postausgang is where the demo reads them.
		expect(stored.textBody).toContain('/passwort-zuruecksetzen/abc');
	});

	it('with a broken SMTP_URL sends nothing and keeps the mails waiting', async () => {
		const id = queueReset();
		const worker = createMailWorker({
			config: loadMailConfig({ ...process.env, SMTP_URL: 'ftp://x' })
		});
		expect(await worker.drain()).toBe(0);
		await worker.stop();
		expect(getOutboxMail(id)).toMatchObject({ status: 'queued', attempts: 0 });
	});
});

describe('an address its account has not confirmed', () => {
	const queue = (to: string, content: Parameters<typeof queueMail>[0]['content']) =>
		queueMail({ userId: 'neu', to, locale: 'de', content });
	const confirm = {
		kind: 'email_address_confirm',
		name: 'Neu',
		email: 'neu@example.org',
		path: '/email-bestaetigen/abc',
		validHours: 24
	} as const;
	const reset = { kind: 'password_reset', name: 'Neu', path: '/x', validMinutes: 60 } as const;
	const changed = {
		kind: 'email_changed',
		name: 'Neu',
		newEmail: 'x@example.org',
		at: new Date()
	} as const;

	beforeEach(() => {
		getDb()
			.insert(users)
			.values({
				id: 'neu',
				email: 'neu@example.org',
				name: 'Neu',
				passwordHash: '!',
				emailConfirmedAt: null
			})
			.run();
	});

	it('gets only the confirmation link and password resets; other mails are held back', () => {
		expect(queue('neu@example.org', confirm)).toBe(true);
		expect(queue('neu@example.org', reset)).toBe(true);
		expect(queue('neu@example.org', changed)).toBe(false);
		expect(
			queue('neu@example.org', { kind: 'alumni_joined', name: 'Neu', courseTitle: 'K', path: '/' })
		).toBe(false);
		expect(getDb().select({ kind: mailOutbox.kind }).from(mailOutbox).all()).toEqual([
			{ kind: 'email_address_confirm' },
			{ kind: 'password_reset' }
		]);
	});

	it('does not hold back mail to another address of the same account (a change to confirm)', () => {
		expect(queue('anders@example.org', changed)).toBe(true);
	});

	it('holds back nothing once confirmed', () => {
		getDb().update(users).set({ emailConfirmedAt: new Date() }).where(eq(users.id, 'neu')).run();
		expect(queue('neu@example.org', changed)).toBe(true);
	});
});
