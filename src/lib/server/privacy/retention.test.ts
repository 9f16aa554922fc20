import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit';
import { createUser, markActive } from '../auth/users';
import { enrol } from '../cohorts/enrolment';
import { getDb, schema } from '../db';
import { useFreshDatabase } from '$test/unit/test-database';
import { addMonths, DAY_MS } from './config';
import { purgeAuditLog, runRetention } from './retention';
import { planRetention } from './retention-plan';
import { requestDeletion } from './requests';
import { useFreshFolders } from '$test/unit/test-person';

const T0 = new Date('2027-01-01T08:00:00Z');
const days = (n: number) => n * DAY_MS;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function person(email: string, role: 'learner' | 'admin' = 'learner') {
	const user = await createUser({
		name: `Person ${email}`,
		email,
		password: 'Sonnenblume Fahrrad Brücke',
		role
	});
	markActive(user.id, T0);
	return user;
}
const exists = (id: string) =>
	!!getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.id, id)).get();
const actions = () =>
	getDb()
		.select({ action: schema.auditLog.action })
		.from(schema.auditLog)
		.all()
		.map((row) => row.action);

beforeEach(() => {
	useFreshDatabase();
	useFreshFolders();
	delete process.env.RETENTION_INACTIVE_MONTHS;
});

describe('inactive accounts (default 36 months)', () => {
	it('warns 30 days ahead by notification and mail, once, then deletes; idempotent', async () => {
		await person('admin@beispiel.example', 'admin');
		const learner = await person('lea@beispiel.example');
		const due = addMonths(T0, 36);
		expect(await runRetention(at(due, -days(31)))).toMatchObject({ warned: 0 });
		const warnTime = at(due, -days(29));
		expect(await runRetention(warnTime)).toMatchObject({ warned: 2, accountsDeleted: 0 });
		expect(await runRetention(warnTime)).toMatchObject({ warned: 0, accountsDeleted: 0 });
		const notice = getDb()
			.select()
			.from(schema.notifications)
			.where(eq(schema.notifications.userId, learner.id))
			.all();
		expect(notice.map((row) => row.kind)).toEqual(['retention_warning']);
		const mail = getDb()
			.select()
			.from(schema.mailOutbox)
			.where(eq(schema.mailOutbox.userId, learner.id))
			.get()!;
		expect(mail.kind).toBe('retention_warning');
		expect(mail.subject).toContain('Löschung Ihrer Daten');
		expect(mail.textBody).toContain('seit 36 Monaten nicht angemeldet');

		// Due by the rule, but never sooner than 30 days after the warning.
		expect(await runRetention(at(due, days(0)))).toMatchObject({ accountsDeleted: 0 });
		const result = await runRetention(at(warnTime, days(30) + 1));
		// The last admin stays (the platform needs one); the learner is deleted.
		expect(result).toMatchObject({ accountsDeleted: 1 });
		expect(exists(learner.id)).toBe(false);
		expect(await runRetention(at(warnTime, days(31)))).toMatchObject({
			accountsDeleted: 0,
			warned: 0
		});
		expect(actions().filter((a) => a === 'account.deleted')).toHaveLength(1);
		expect(actions().filter((a) => a === 'retention.warning_sent')).toHaveLength(2);
	});

	it('keeps an account whose owner logs in after the warning, and warns afresh later', async () => {
		const learner = await person('lea@beispiel.example');
		const due = addMonths(T0, 36);
		await runRetention(at(due, -days(10)));
		markActive(learner.id, at(due, -days(5)));
		expect(await runRetention(at(due, days(40)))).toMatchObject({ accountsDeleted: 0, warned: 0 });
		expect(exists(learner.id)).toBe(true);
		const next = addMonths(at(due, -days(5)), 36);
		expect(await runRetention(at(next, -days(1)))).toMatchObject({ warned: 1, accountsDeleted: 0 });
	});

	it('follows RETENTION_INACTIVE_MONTHS', async () => {
		process.env.RETENTION_INACTIVE_MONTHS = '12';
		const learner = await person('lea@beispiel.example');
		const plan = planRetention(addMonths(T0, 11), 60);
		expect(plan.find((entry) => entry.userId === learner.id)?.ruleDueAt).toEqual(addMonths(T0, 12));
	});
});

describe('cohorts: personal data N months (default 24) after the end', () => {
	it('warns the learners, then deletes their data from that cohort and keeps the account', async () => {
		const trainer = await person('trainer@beispiel.example', 'admin');
		const learner = await person('lea@beispiel.example');
		const db = getDb();
		db.insert(schema.cohorts)
			.values({
				id: 'c1',
				courseId: 'probe-ikbo',
				name: 'Frühjahr 2027',
				createdBy: trainer.id
			})
			.run();
		db.insert(schema.cohortModules)
			.values({
				cohortId: 'c1',
				moduleId: 'rolle-und-auftrag',
				startsOn: '2027-03-01',
				endsOn: '2027-03-02'
			})
			.run();
		enrol(learner.id, 'probe-ikbo', 'c1');
		db.insert(schema.attendance)
			.values({
				cohortId: 'c1',
				moduleId: 'rolle-und-auftrag',
				userId: learner.id,
				day: '2027-03-01',
				present: true,
				recordedBy: trainer.id,
				recordedAt: T0
			})
			.run();
		db.insert(schema.discussionThreads)
			.values({ id: 't1', cohortId: 'c1', title: 'Frage', authorId: learner.id, lastPostAt: T0 })
			.run();
		db.insert(schema.discussionPosts)
			.values([
				{ id: 'p1', threadId: 't1', authorId: learner.id, body: 'Meine Frage' },
				{ id: 'p2', threadId: 't1', authorId: trainer.id, body: 'Die Antwort' }
			])
			.run();
		db.insert(schema.discussionReports)
			.values({ id: 'r1', postId: 'p2', reporterId: learner.id, reason: 'Bitte prüfen' })
			.run();
		db.insert(schema.discussionReads)
			.values({ userId: learner.id, threadId: 't1', readAt: T0 })
			.run();
		// Keep both accounts active meanwhile (this test is about the cohort rule).
		const due = addMonths(new Date('2027-03-03T00:00:00Z'), 24);
		markActive(learner.id, at(due, -days(40)));
		markActive(trainer.id, at(due, -days(40)));
		const plan = planRetention(at(due, -days(60)));
		expect(plan).toEqual([
			expect.objectContaining({
				userId: learner.id,
				reason: 'cohort_ended',
				objectId: 'c1',
				ruleDueAt: due
			})
		]);
		expect(await runRetention(at(due, -days(30)))).toMatchObject({ warned: 1 });
		const mail = db
			.select()
			.from(schema.mailOutbox)
			.where(eq(schema.mailOutbox.userId, learner.id))
			.get()!;
		expect(mail.textBody).toContain('Frühjahr 2027');
		expect(await runRetention(at(due, days(1)))).toMatchObject({ cohortDataDeleted: 1 });
		expect(exists(learner.id)).toBe(true);
		expect(
			db.select().from(schema.enrolments).where(eq(schema.enrolments.userId, learner.id)).all()
		).toEqual([]);
		expect(db.select().from(schema.attendance).all()).toEqual([]);
		// The Austausch keeps the posts for the others, no longer under the learner's name.
		const authors = db.select().from(schema.discussionPosts).all();
		expect(authors.map((post) => post.body)).toEqual(['Meine Frage', 'Die Antwort']);
		expect(authors.find((post) => post.id === 'p1')?.authorId).not.toBe(learner.id);
		expect(authors.find((post) => post.id === 'p2')?.authorId).toBe(trainer.id);
		expect(db.select().from(schema.discussionThreads).get()?.authorId).not.toBe(learner.id);
		expect(db.select().from(schema.discussionReports).get()?.reporterId).not.toBe(learner.id);
		expect(db.select().from(schema.discussionReads).all()).toEqual([]);
		expect(await runRetention(at(due, days(2)))).toMatchObject({ cohortDataDeleted: 0, warned: 0 });
		expect(actions()).toContain('cohort.personal_data_deleted');
	});
});

describe('deletion requests', () => {
	it('are carried out after the grace period (default 14 days)', async () => {
		await person('admin@beispiel.example', 'admin');
		const learner = await person('lea@beispiel.example');
		requestDeletion(learner.id, false, T0);
		expect(await runRetention(at(T0, days(13)))).toMatchObject({ accountsDeleted: 0 });
		expect(await runRetention(at(T0, days(14) + 1))).toMatchObject({ accountsDeleted: 1 });
		expect(exists(learner.id)).toBe(false);
	});
});

describe('the audit log', () => {
	it('is append-only: the database refuses updates and deletes', () => {
		recordAudit({ actorId: null, action: 'settings.changed' });
		const db = getDb();
		expect(() => db.$client.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(
			/append-only/
		);
		expect(() => db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
		expect(db.select().from(schema.auditLog).all()).toHaveLength(1);
	});

	it('keeps entries for the configured time (default 2 years), then the job removes them', async () => {
		recordAudit({ actorId: null, action: 'settings.changed' }, getDb(), addMonths(T0, -25));
		recordAudit({ actorId: null, action: 'invite.created' }, getDb(), addMonths(T0, -23));
		expect(purgeAuditLog(addMonths(T0, -24), T0)).toBe(1);
		expect(actions().sort()).toEqual(['audit_log.purged', 'invite.created']);
		expect(purgeAuditLog(addMonths(T0, -24), T0)).toBe(0);
	});
});
