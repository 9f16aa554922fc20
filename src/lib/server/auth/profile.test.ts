import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { auditLog, mailOutbox, users } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { changeEmailByAdmin, changeName } from './profile';
import { createUser } from './users';

const PASSWORD = 'Fahrrad Kanal Brücke';
const row = (id: string) => getDb().select().from(users).where(eq(users.id, id)).get()!;
const audit = () => getDb().select().from(auditLog).all();

let learnerId: string;
let adminId: string;
beforeEach(async () => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
	const learner = await createUser({
		email: 'aylin@example.org',
		name: 'Aylin Demir',
		password: PASSWORD,
		role: 'learner'
	});
	const admin = await createUser({
		email: 'admin@example.org',
		name: 'Ada Admin',
		password: PASSWORD,
		role: 'admin'
	});
	learnerId = learner.id;
	adminId = admin.id;
});

describe('changing a name', () => {
	it('stores the new name and records old and new in the audit log', () => {
		expect(changeName(learnerId, 'Aylin Demir-Yıldız', learnerId)).toBe(true);
		expect(row(learnerId).name).toBe('Aylin Demir-Yıldız');
		const [entry] = audit();
		expect(entry).toMatchObject({
			action: 'user.updated',
			actorId: learnerId,
			subjectUserId: learnerId,
			details: { field: 'name', from: 'Aylin Demir', to: 'Aylin Demir-Yıldız' }
		});
	});

	it('records nothing when the name stays the same', () => {
		expect(changeName(learnerId, 'Aylin Demir', learnerId)).toBe(false);
		expect(audit()).toHaveLength(0);
	});
});

describe('an admin corrects an e-mail address', () => {
	it('moves the account at once, tells the old address and audits who did it', () => {
		expect(changeEmailByAdmin(learnerId, ' Aylin.D@Example.org ', adminId)).toEqual({
			ok: true,
			changed: true
		});
		expect(row(learnerId).email).toBe('aylin.d@example.org');
		const mails = getDb().select().from(mailOutbox).all();
		expect(mails.map((mail) => mail.toAddress)).toEqual(['aylin@example.org']);
		expect(audit()[0]).toMatchObject({
			action: 'user.email_changed',
			actorId: adminId,
			subjectUserId: learnerId,
			details: { from: 'aylin@example.org', to: 'aylin.d@example.org', by: 'admin' }
		});
	});

	it('refuses an address that belongs to another account and changes nothing', () => {
		expect(changeEmailByAdmin(learnerId, 'admin@example.org', adminId)).toEqual({
			ok: false,
			reason: 'taken'
		});
		expect(row(learnerId).email).toBe('aylin@example.org');
		expect(audit()).toHaveLength(0);
	});
});
