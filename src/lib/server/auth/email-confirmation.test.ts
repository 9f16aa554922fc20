import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { auditLog, mailOutbox, notifications, users } from '../db/schema';
import { notify } from '../notifications';
import { useFreshDatabase } from '$test/unit/test-database';
import { account, createInvitingTrainer, DAY } from '$test/unit/invite-helpers';
import { confirmEmailChange, findPendingEmailChange, requestEmailChange } from './email-change';
import { resendAddressConfirmation, unconfirmedAddressOf } from './email-confirmation';
import { createInvite, redeemInvite } from './invites';
import { completePasswordReset, createPasswordReset } from './password-change';
import { processPasswordResetRequests, requestPasswordReset } from './password-reset';
import { changeEmailByAdmin } from './profile';

const outbox = () => getDb().select().from(mailOutbox).all();
const kindsTo = (address: string) =>
	outbox()
		.filter((mail) => mail.toAddress === address)
		.map((mail) => mail.kind);
const linkIn = (page: string) =>
	outbox()
		.at(-1)!
		.textBody!.match(new RegExp(`${page}/([a-z2-7]{32})`))![1]!;
const confirmedAt = (id: string) =>
	getDb().select({ at: users.emailConfirmedAt }).from(users).where(eq(users.id, id)).get()!.at;
const auditedActions = (id: string) =>
	getDb()
		.select({ action: auditLog.action, details: auditLog.details })
		.from(auditLog)
		.where(eq(auditLog.subjectUserId, id))
		.all();
const due = { itemId: 'kurs/modul/aufgabe', itemTitle: 'Aufgabe', dueOn: '2026-06-09' };
const remind = (userId: string) =>
	notify({ userId, kind: 'assignment_due', data: due, link: '/aufgaben/kurs/modul/aufgabe' });

let trainerId: string;
beforeEach(async () => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
	trainerId = (await createInvitingTrainer()).id;
});

/** Registers through a fresh invite; `boundTo` makes it an invitation sent to that address. */
async function register(email: string, boundTo?: string) {
	const { token } = createInvite({
		role: 'learner',
		email: boundTo ?? null,
		maxUses: boundTo ? 1 : 30,
		expiresAt: new Date(Date.now() + DAY),
		createdBy: trainerId
	});
	const result = await redeemInvite(token, account(email));
	if (!result.ok) throw new Error(result.reason);
	return result.userId;
}

describe('registering through a link not bound to an address', () => {
	it('leaves the address unconfirmed and mails it only the confirmation link', async () => {
		const userId = await register('kollegin@example.org');
		expect(confirmedAt(userId)).toBeNull();
		expect(unconfirmedAddressOf(userId)).toBe('kollegin@example.org');
		expect(kindsTo('kollegin@example.org')).toEqual(['email_address_confirm']);
		expect(outbox()[0]!.textBody).toContain('/email-bestaetigen/');
		expect(auditedActions(userId)[0]!.details).toMatchObject({ emailConfirmed: false });

		expect(remind(userId)).toBe(true);
		expect(getDb().select().from(notifications).all()).toHaveLength(1);
		expect(getDb().select().from(notifications).get()!.emailedAt).toBeNull();
		expect(kindsTo('kollegin@example.org')).toEqual(['email_address_confirm']);
	});

	it('still mails a password reset, which the real owner of the address needs', async () => {
		await register('kollegin@example.org');
		requestPasswordReset('kollegin@example.org', '10.0.0.1', 'de');
		processPasswordResetRequests();
		expect(kindsTo('kollegin@example.org')).toEqual(['email_address_confirm', 'password_reset']);
	});

	it('counts an invitation sent to the address as confirmed and sends no confirmation link', async () => {
		const userId = await register('eingeladen@example.org', 'eingeladen@example.org');
		expect(confirmedAt(userId)).toBeInstanceOf(Date);
		expect(unconfirmedAddressOf(userId)).toBeNull();
		expect(kindsTo('eingeladen@example.org')).toEqual(['invite']);
		remind(userId);
		expect(kindsTo('eingeladen@example.org')).toEqual(['invite', 'assignment_due']);
	});
});

describe('the confirmation link', () => {
	it('confirms the address once, without moving the account; then mail goes out', async () => {
		const userId = await register('kollegin@example.org');
		const token = linkIn('email-bestaetigen');
		expect(findPendingEmailChange(token)).toMatchObject({
			newEmail: 'kollegin@example.org',
			name: 'Neue Person',
			confirmsAddress: true
		});
		expect(confirmEmailChange(token, new Date(), '10.0.0.9')).toEqual({
			ok: true,
			userId,
			newEmail: 'kollegin@example.org',
			confirmsAddress: true
		});
		expect(confirmedAt(userId)).toBeInstanceOf(Date);
		expect(confirmEmailChange(token)).toEqual({ ok: false, reason: 'invalid' });
		expect(auditedActions(userId).map((entry) => entry.action)).toEqual([
			'user.created',
			'user.email_confirmed'
		]);
		// No "address changed" notice: nothing changed.
		expect(kindsTo('kollegin@example.org')).toEqual(['email_address_confirm']);
		remind(userId);
		expect(kindsTo('kollegin@example.org')).toEqual(['email_address_confirm', 'assignment_due']);
	});

	it('is sent again on request, the older link stops working, and the button is rate-limited', async () => {
		const userId = await register('kollegin@example.org');
		const first = linkIn('email-bestaetigen');
		expect(resendAddressConfirmation(userId)).toBe('sent');
		const second = linkIn('email-bestaetigen');
		expect(confirmEmailChange(first)).toEqual({ ok: false, reason: 'invalid' });
		expect(resendAddressConfirmation(userId)).toBe('sent');
		expect(resendAddressConfirmation(userId)).toBe('sent');
		expect(resendAddressConfirmation(userId)).toBe('throttled');
		expect(confirmEmailChange(second)).toEqual({ ok: false, reason: 'invalid' });
		confirmEmailChange(linkIn('email-bestaetigen'));
		expect(resendAddressConfirmation(userId)).toBe('already_confirmed');
	});

	it('a confirmed change to another address confirms that address, and tells no unconfirmed one', async () => {
		const userId = await register('kollegin@example.org');
		const person = { id: userId, email: 'kollegin@example.org', name: 'Neue Person' };
		await requestEmailChange(
			{ ...person, role: 'learner' },
			'eigene@example.org',
			account('').password,
			'10.0.0.1'
		);
		expect(confirmEmailChange(linkIn('email-bestaetigen')).ok).toBe(true);
		expect(confirmedAt(userId)).toBeInstanceOf(Date);
		expect(kindsTo('kollegin@example.org')).toEqual(['email_address_confirm']);
	});
});

describe('other proof of the address', () => {
	it('a completed self-service password reset confirms it and ends open links', async () => {
		const userId = await register('kollegin@example.org');
		const confirmation = linkIn('email-bestaetigen');
		requestPasswordReset('kollegin@example.org', '10.0.0.1', 'de');
		processPasswordResetRequests();
		expect(await completePasswordReset(linkIn('passwort-zuruecksetzen'), 'Neues Rad Kanal')).toBe(
			true
		);
		expect(confirmedAt(userId)).toBeInstanceOf(Date);
		expect(auditedActions(userId)).toContainEqual({
			action: 'user.email_confirmed',
			details: { via: 'password_reset' }
		});
		// The security mail about the new password now reaches the address.
		expect(kindsTo('kollegin@example.org').at(-1)).toBe('password_changed');
		expect(confirmEmailChange(confirmation)).toEqual({ ok: false, reason: 'invalid' });
	});

	it("an admin's reset link, handed over in person, does not confirm it", async () => {
		const userId = await register('kollegin@example.org');
		const { token } = createPasswordReset(userId, trainerId);
		expect(await completePasswordReset(token, 'Neues Rad Kanal')).toBe(true);
		expect(confirmedAt(userId)).toBeNull();
	});

	it('an address an admin sets counts as confirmed; a link for the old one no longer works', async () => {
		const userId = await register('vertippt@example.org');
		const oldLink = linkIn('email-bestaetigen');
		expect(changeEmailByAdmin(userId, 'richtig@example.org', trainerId)).toEqual({
			ok: true,
			changed: true
		});
		expect(confirmedAt(userId)).toBeInstanceOf(Date);
		expect(confirmEmailChange(oldLink)).toEqual({ ok: false, reason: 'invalid' });
		// The old address was never confirmed: it hears nothing of the change.
		expect(kindsTo('vertippt@example.org')).toEqual(['email_address_confirm']);
	});
});
