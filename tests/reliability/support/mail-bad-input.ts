import type { BadInputCase } from './bad-input';
import type { Client } from './client';
import { openDb } from './database';

/**
 * An admin invites an address; returns the ID of its mail once the worker has kept it (no mail
 * server in these tests), so that no case races the worker.
 */
export async function arrangeKeptMail(admin: Client, databasePath: string): Promise<string> {
	await admin.post('/einladungen?/create', {
		role: 'learner',
		usage: 'single',
		email: 'eingeladen@example.org',
		validDays: '7'
	});
	const db = openDb(databasePath, true);
	try {
		const kept = db.prepare("select id from mail_outbox where status = 'kept' limit 1");
		for (let i = 0; i < 200; i += 1) {
			const row = kept.get() as { id: string } | undefined;
			if (row) return row.id;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		return '';
	} finally {
		db.close();
	}
}

/** Account mail settings, e-mail change, "Passwort vergessen" and the links mails carry. */
export const mailCases = (): BadInputCase[] => [
	{
		name: 'account: new e-mail address malformed',
		as: 'learner',
		path: '/konto?/email',
		fields: { newEmail: 'neu@', passwordForEmail: 'Demo-Lernplattform-2026' },
		message: 'gültige E-Mail-Adresse'
	},
	{
		name: 'account: e-mail change with wrong password',
		as: 'learner',
		path: '/konto?/email',
		fields: { newEmail: 'neu@example.org', passwordForEmail: 'Falsches-Passwort-1' },
		message: 'Das aktuelle Passwort ist nicht richtig.'
	},
	{
		name: 'account: e-mail change to the same address',
		as: 'learner',
		path: '/konto?/email',
		fields: { newEmail: 'Lernende@example.org', passwordForEmail: 'Demo-Lernplattform-2026' },
		message: 'Das ist schon Ihre E-Mail-Adresse.'
	},
	{
		name: 'account: unknown mail frequency',
		as: 'learner',
		path: '/konto?/mail',
		fields: { locale: 'de', feedback_received: 'woechentlich' },
		message: 'Bitte wählen Sie „sofort“, „täglich gebündelt“ oder „nie“.'
	},
	{
		name: 'account: unknown mail language',
		as: 'learner',
		path: '/konto?/mail',
		fields: { locale: 'fr', feedback_received: 'never' },
		message: 'Bitte wählen Sie Deutsch oder Englisch.'
	},
	// mail links and "Passwort vergessen"
	{
		name: 'forgot password: empty address',
		as: 'anonymous',
		path: '/passwort-vergessen',
		fields: { email: '' },
		message: 'Bitte geben Sie Ihre E-Mail-Adresse ein.'
	},
	{
		name: 'forgot password: malformed address',
		as: 'anonymous',
		path: '/passwort-vergessen',
		fields: { email: 'kein-at-zeichen' },
		message: 'gültige E-Mail-Adresse'
	},
	{
		name: 'unsubscribe: unknown key',
		as: 'anonymous',
		path: `/abbestellen/${'a'.repeat(32)}/alle`,
		fields: { 'List-Unsubscribe': 'One-Click' },
		message: 'Dieser Link zum Abbestellen ist ungültig.',
		status: 404
	},
	{
		name: 'e-mail confirmation: unknown link',
		as: 'anonymous',
		path: `/email-bestaetigen/${'a'.repeat(32)}`,
		fields: {},
		message: 'Dieser Bestätigungslink ist ungültig'
	}
];

/** An admin action on a mail in the Postausgang (`mailId`: a mail that was delivered). */
export const postausgangCases = (mailId: string): BadInputCase[] => [
	{
		name: 'admin: send again a mail that did not fail',
		as: 'admin',
		path: `/admin/postausgang/${mailId}?/retry`,
		fields: {},
		message: 'Nur fehlgeschlagene E-Mails lassen sich erneut senden.'
	}
];
