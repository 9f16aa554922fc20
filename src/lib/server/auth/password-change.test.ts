import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { auditLog, mailOutbox } from '../db/schema';
import { setMailPreferences } from '../mail';
import { notificationMailKinds } from '$lib/mail';
import { useFreshDatabase } from '$test/unit/test-database';
import { withRequestContext } from '../http/request-context';
import { createUser } from './users';
import { changeOwnPassword, completePasswordReset, createPasswordReset } from './password-change';

const PASSWORD = 'Fahrrad Kanal Brücke';
const IP = '198.51.100.7';
const audit = () => getDb().select().from(auditLog).all();
const mails = () => getDb().select().from(mailOutbox).all();
const inRequest = <T>(run: () => Promise<T> | T) =>
	withRequestContext({ locale: 'de', origin: 'http://localhost', ip: IP }, async () => run());

let admin: { id: string };
let otherAdmin: { id: string };
beforeEach(async () => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
	admin = await createUser({
		email: 'ada@example.org',
		name: 'Ada Admin',
		password: PASSWORD,
		role: 'admin'
	});
	otherAdmin = await createUser({
		email: 'bea@example.org',
		name: 'Bea Berg',
		password: PASSWORD,
		role: 'admin'
	});
});

describe('password changes are audited and told to the person', () => {
	it('a reset link an admin creates for another admin is audited and mailed without the link', async () => {
		const { token } = await inRequest(() => createPasswordReset(otherAdmin.id, admin.id));
		expect(audit()).toEqual([
			expect.objectContaining({
				action: 'user.password_reset_link_created',
				actorId: admin.id,
				subjectUserId: otherAdmin.id,
				ip: IP
			})
		]);
		const [mail] = mails();
		expect(mail).toMatchObject({
			kind: 'password_reset_link_created',
			toAddress: 'bea@example.org',
			userId: otherAdmin.id,
			secret: false
		});
		expect(mail!.textBody).toContain('Ada Admin');
		expect(mail!.textBody).toContain('Wenn Sie das nicht erwartet haben');
		expect(mail!.textBody).not.toContain(token);
		expect(mail!.textBody).not.toContain('/abbestellen/');
	});

	it('setting a password through a link is audited with who made the link, and mailed', async () => {
		const { token } = createPasswordReset(otherAdmin.id, admin.id);
		expect(await inRequest(() => completePasswordReset(token, 'Neues Passwort für Bea'))).toBe(
			true
		);
		const entry = audit().find((row) => row.action === 'user.password_reset');
		expect(entry).toMatchObject({
			actorId: null,
			subjectUserId: otherAdmin.id,
			ip: IP,
			details: { linkCreatedBy: admin.id }
		});
		const mail = mails().find((row) => row.kind === 'password_changed');
		expect(mail).toMatchObject({ toAddress: 'bea@example.org', secret: false });
		expect(mail!.subject).toBe('Ihr Passwort wurde geändert');
		expect(mail!.textBody).toContain('Link zum Zurücksetzen');
		expect(mail!.textBody).toContain('Wenn Sie das nicht waren');
	});

	it('changing one’s own password is audited as the person’s act and mailed, whatever the mail settings say', async () => {
		setMailPreferences(
			otherAdmin.id,
			Object.fromEntries(notificationMailKinds.map((kind) => [kind, 'never']))
		);
		await inRequest(() => changeOwnPassword(otherAdmin.id, 'Ganz neues Passwort 42'));
		expect(audit()).toEqual([
			expect.objectContaining({
				action: 'user.password_changed',
				actorId: otherAdmin.id,
				subjectUserId: otherAdmin.id,
				ip: IP
			})
		]);
		const [mail] = mails();
		expect(mail).toMatchObject({ kind: 'password_changed', toAddress: 'bea@example.org' });
		expect(mail!.textBody).toContain('Ihr Passwort wurde geändert');
		expect(mail!.textBody).toContain('lässt sich nicht abbestellen');
	});
});
