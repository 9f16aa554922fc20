import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import { cohorts, enrolments, mailOutbox, users } from '../db/schema';
import {
	createInvite,
	findInvite,
	INVITES_PAGE_SIZE,
	inviteStatus,
	listInvites,
	redeemInvite,
	revokeInvite
} from './invites';
import { account, createInvitingTrainer, DAY } from '$test/unit/invite-helpers';
import { createUser } from './users';

describe('inviteStatus', () => {
	const now = new Date('2026-03-01T12:00:00Z');
	const base = { expiresAt: new Date(now.getTime() + DAY), revokedAt: null, uses: 0, maxUses: 1 };

	it('is valid before expiry with uses left', () => {
		expect(inviteStatus(base, now)).toBe('valid');
	});
	it('is unknown when there is no invite', () => {
		expect(inviteStatus(undefined, now)).toBe('unknown');
	});
	it('is expired at the expiry instant', () => {
		expect(inviteStatus({ ...base, expiresAt: now }, now)).toBe('expired');
	});
	it('is used up when uses reach the maximum', () => {
		expect(inviteStatus({ ...base, uses: 1 }, now)).toBe('used_up');
		expect(inviteStatus({ ...base, uses: 4, maxUses: 5 }, now)).toBe('valid');
	});
	it('reports revocation before anything else', () => {
		expect(inviteStatus({ ...base, uses: 1, revokedAt: now }, now)).toBe('revoked');
	});
});

describe('redeeming invites', () => {
	let db: ReturnType<typeof useFreshDatabase>;
	let trainerId: string;

	beforeEach(async () => {
		db = useFreshDatabase();
		trainerId = (await createInvitingTrainer()).id;
	});

	const invite = (extra: Partial<Parameters<typeof createInvite>[0]> = {}) =>
		createInvite({
			role: 'learner',
			maxUses: 1,
			expiresAt: new Date(Date.now() + DAY),
			createdBy: trainerId,
			...extra
		});

	it('creates a learner account and uses up a single-use invite', async () => {
		const { token } = invite();
		const result = await redeemInvite(token, account('neu@example.org'));
		expect(result.ok).toBe(true);
		const created = db.select().from(users).where(eq(users.email, 'neu@example.org')).get();
		expect(created?.role).toBe('learner');
		expect(await redeemInvite(token, account('zweite@example.org'))).toEqual({
			ok: false,
			reason: 'used_up'
		});
	});

	it('refuses an expired invite and creates nothing', async () => {
		const { token } = invite({ expiresAt: new Date(Date.now() - 1000) });
		expect(await redeemInvite(token, account('neu@example.org'))).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(db.select().from(users).all()).toHaveLength(1);
	});

	it('refuses an unknown or revoked token', async () => {
		expect((await redeemInvite('a'.repeat(32), account('x@example.org'))).ok).toBe(false);
		const { token, id } = invite();
		expect(revokeInvite(id, trainerId)).toBe(true);
		expect(await redeemInvite(token, account('x@example.org'))).toEqual({
			ok: false,
			reason: 'revoked'
		});
	});

	it('binds an invite to its email address, ignoring case', async () => {
		const { token } = invite({ email: 'Gebunden@Example.org' });
		expect(await redeemInvite(token, account('andere@example.org'))).toEqual({
			ok: false,
			reason: 'email_mismatch'
		});
		expect((await redeemInvite(token, account('gebunden@EXAMPLE.org'))).ok).toBe(true);
	});

	it('lets a multi-use invite register up to its limit, never beyond, even when concurrent', async () => {
		const { token } = invite({ maxUses: 3 });
		const results = await Promise.all(
			[1, 2, 3, 4, 5].map((n) => redeemInvite(token, account(`person${n}@example.org`)))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(3);
		expect(findInvite(token)?.uses).toBe(3);
	});

	it('stores the new account’s name without bidi controls', async () => {
		const { token } = invite();
		const result = await redeemInvite(token, {
			...account('neu@example.org'),
			name: 'Aylin \u202EzimeD\u202C'
		});
		expect(result.ok).toBe(true);
		const stored = db.select().from(users).where(eq(users.email, 'neu@example.org')).get();
		expect(stored?.name).toBe('Aylin zimeD');
	});

	it('refuses an email that already has an account', async () => {
		const { token } = invite({ maxUses: 2 });
		expect(await redeemInvite(token, account('trainerin@example.org'))).toEqual({
			ok: false,
			reason: 'email_taken'
		});
		expect(findInvite(token)?.uses).toBe(0);
	});

	it('enrols the new learner in the invite cohort', async () => {
		db.insert(cohorts)
			.values({ id: 'cohort1', courseId: 'kurs', name: 'Lehrgang 1', createdBy: trainerId })
			.run();
		const { token } = invite({ cohortId: 'cohort1' });
		const result = await redeemInvite(token, account('neu@example.org'));
		expect(result.ok).toBe(true);
		const enrolment = db.select().from(enrolments).get();
		expect(enrolment).toMatchObject({ courseId: 'kurs', cohortId: 'cohort1' });
	});

	it('only lets trainers revoke their own invites', async () => {
		const other = await createUser({
			email: 'andere@example.org',
			name: 'Andere',
			password: 'Fahrrad Kanal Brücke',
			role: 'trainer'
		});
		const { id } = invite();
		expect(revokeInvite(id, other.id)).toBe(false);
		expect(revokeInvite(id, null)).toBe(true);
	});

	it('mails an invite that names an address, with inviter, cohort and the registration link', () => {
		process.env.ORIGIN = 'https://lernen.example.org';
		db.insert(cohorts)
			.values({ id: 'cohort1', courseId: 'kurs', name: 'Lehrgang 1', createdBy: trainerId })
			.run();
		const { token, mailed } = invite({ email: 'Neu@Example.org', cohortId: 'cohort1' });
		expect(mailed).toBe(true);
		const [mail] = db.select().from(mailOutbox).all();
		expect(mail).toMatchObject({ kind: 'invite', toAddress: 'neu@example.org', userId: null });
		expect(mail!.subject).toBe('Trainerin lädt Sie zur Lernplattform ein');
		expect(mail!.textBody).toContain('„Lehrgang 1“');
		expect(mail!.textBody).toContain(`https://lernen.example.org/registrieren/${token}`);
		expect(invite().mailed).toBe(false);
		expect(db.select().from(mailOutbox).all()).toHaveLength(1);
	});
});

describe('the list of invitations', () => {
	it('pages every invitation, newest first, so none is out of reach', async () => {
		useFreshDatabase();
		const trainerId = (await createInvitingTrainer()).id;
		const start = Date.now();
		for (let i = 0; i < INVITES_PAGE_SIZE + 5; i++) {
			createInvite(
				{
					role: 'learner',
					email: `person${i}@example.org`,
					maxUses: 1,
					expiresAt: new Date(start + DAY),
					createdBy: trainerId
				},
				new Date(start + i)
			);
		}
		const first = listInvites({ createdBy: trainerId });
		expect(first).toMatchObject({ total: INVITES_PAGE_SIZE + 5, page: 1, pages: 2 });
		expect(first.rows).toHaveLength(INVITES_PAGE_SIZE);
		const second = listInvites({ createdBy: trainerId, page: 2 });
		expect(second.rows.map((row) => row.email)).toHaveLength(5);
		const all = [...first.rows, ...second.rows].map((row) => row.email);
		expect(new Set(all).size).toBe(INVITES_PAGE_SIZE + 5);
		expect(listInvites({ createdBy: 'someone-else' }).total).toBe(0);
	});
});
