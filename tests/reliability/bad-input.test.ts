import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../../bench/lib/app-server';
import { expectRejected, type BadInputCase } from './support/bad-input';
import { Client } from './support/client';

let app: AppServer;
const clients: Record<string, Client> = {};
let inviteToken = '';
let learnerId = '';

const long = (n: number) => 'x'.repeat(n);

beforeAll(async () => {
	app = await startApp({ port: 4511 });
	clients.anonymous = new Client(app.url);
	clients.learner = new Client(app.url);
	clients.trainer = new Client(app.url);
	clients.admin = new Client(app.url);
	await clients.learner.login('lernende@example.org');
	await clients.trainer.login('trainerin@example.org');
	await clients.admin.login('admin@example.org');
	const invite = await clients.admin.post('/einladungen?/create', {
		role: 'learner',
		usage: 'single',
		validDays: '7'
	});
	inviteToken = (await invite.text()).match(/\/registrieren\/([a-z0-9]+)/)?.[1] ?? '';
	const users = await (await clients.admin.get('/admin/benutzer?q=lernende')).text();
	learnerId = users.match(/\/admin\/benutzer\/([A-Za-z0-9-]+)/)?.[1] ?? '';
});
afterAll(async () => {
	await app?.stop();
});

const register = (fields: Record<string, string>): BadInputCase['fields'] => fields;

const cases = (): BadInputCase[] => [
	// login
	{
		name: 'login: empty email',
		as: 'anonymous',
		path: '/anmelden',
		fields: { email: '', password: 'irgendwas-langes' },
		message: 'Bitte geben Sie Ihre E-Mail-Adresse ein.'
	},
	{
		name: 'login: malformed email',
		as: 'anonymous',
		path: '/anmelden',
		fields: { email: 'kein-at-zeichen', password: 'irgendwas-langes' },
		message: 'gültige E-Mail-Adresse'
	},
	{
		name: 'login: unknown email',
		as: 'anonymous',
		path: '/anmelden',
		fields: { email: 'niemand@example.org', password: 'Falsches-Passwort-1' },
		message: 'E-Mail-Adresse oder Passwort ist nicht richtig'
	},
	{
		name: 'login: wrong password',
		as: 'anonymous',
		path: '/anmelden',
		fields: { email: 'lernende@example.org', password: 'Falsches-Passwort-1' },
		message: 'E-Mail-Adresse oder Passwort ist nicht richtig'
	},
	{
		name: 'login: 100 kB password',
		as: 'anonymous',
		path: '/anmelden',
		fields: { email: 'lernende@example.org', password: long(100_000) },
		message: 'höchstens 128 Zeichen'
	},
	{
		name: 'login: overlong email',
		as: 'anonymous',
		path: '/anmelden',
		fields: { email: `${long(300)}@example.org`, password: 'irgendwas-langes' },
		message: 'höchstens'
	},
	// invitations
	{
		name: 'invite: validity 0 days',
		as: 'trainer',
		path: '/einladungen?/create',
		fields: { role: 'learner', usage: 'single', validDays: '0' },
		message: 'ganze Zahl von 1 bis 90 Tagen'
	},
	{
		name: 'invite: validity not a number',
		as: 'trainer',
		path: '/einladungen?/create',
		fields: { role: 'learner', usage: 'single', validDays: 'viele' },
		message: 'ganze Zahl von 1 bis 90 Tagen'
	},
	{
		name: 'invite: trainer invites an admin',
		as: 'trainer',
		path: '/einladungen?/create',
		fields: { role: 'admin', usage: 'single', validDays: '7' },
		message: 'Trainer*innen können nur Lernende einladen.',
		status: 403
	},
	{
		name: 'invite: unknown role',
		as: 'admin',
		path: '/einladungen?/create',
		fields: { role: 'superuser', usage: 'single', validDays: '7' },
		message: 'gültige Rolle'
	},
	{
		name: 'invite: multi-use with 1 use',
		as: 'trainer',
		path: '/einladungen?/create',
		fields: { role: 'learner', usage: 'multi', maxUses: '1', validDays: '7' },
		message: 'ganze Zahl von 2 bis 500'
	},
	{
		name: 'invite: multi-use bound to email',
		as: 'trainer',
		path: '/einladungen?/create',
		fields: {
			role: 'learner',
			usage: 'multi',
			maxUses: '5',
			email: 'a@example.org',
			validDays: '7'
		},
		message: 'nicht an eine E-Mail-Adresse gebunden'
	},
	{
		name: 'invite: malformed email',
		as: 'trainer',
		path: '/einladungen?/create',
		fields: { role: 'learner', usage: 'single', email: 'a@', validDays: '7' },
		message: 'gültige E-Mail-Adresse'
	},
	{
		name: 'invite: cohort of someone else',
		as: 'trainer',
		path: '/einladungen?/create',
		fields: { role: 'learner', usage: 'single', cohortId: 'fremder-lehrgang', validDays: '7' },
		message: 'Diesen Lehrgang können Sie nicht verwalten.',
		status: 403
	},
	{
		name: 'invite: revoke unknown',
		as: 'trainer',
		path: '/einladungen?/revoke',
		fields: { id: 'gibt-es-nicht', bestaetigt: 'ja' },
		message: 'nicht gefunden',
		status: 404
	},
	// registration
	{
		name: 'register: short password',
		as: 'anonymous',
		path: `/registrieren/${inviteToken}`,
		fields: register({
			name: 'Neue Person',
			email: 'neu@example.org',
			password: 'kurz',
			passwordRepeat: 'kurz'
		}),
		message: 'mindestens 10 Zeichen'
	},
	{
		name: 'register: common password',
		as: 'anonymous',
		path: `/registrieren/${inviteToken}`,
		fields: register({
			name: 'Neue Person',
			email: 'neu@example.org',
			password: 'password123',
			passwordRepeat: 'password123'
		}),
		message: 'zu verbreitet'
	},
	{
		name: 'register: passwords differ',
		as: 'anonymous',
		path: `/registrieren/${inviteToken}`,
		fields: register({
			name: 'Neue Person',
			email: 'neu@example.org',
			password: 'Lange-Sichere-Phrase-1',
			passwordRepeat: 'Lange-Sichere-Phrase-2'
		}),
		message: 'stimmen nicht überein'
	},
	{
		name: 'register: empty name',
		as: 'anonymous',
		path: `/registrieren/${inviteToken}`,
		fields: register({
			name: '',
			email: 'neu@example.org',
			password: 'Lange-Sichere-Phrase-1',
			passwordRepeat: 'Lange-Sichere-Phrase-1'
		}),
		message: 'Bitte geben Sie Ihren Namen ein.'
	},
	{
		name: 'register: email already taken',
		as: 'anonymous',
		path: `/registrieren/${inviteToken}`,
		fields: register({
			name: 'Doppelt',
			email: 'lernende@example.org',
			password: 'Lange-Sichere-Phrase-1',
			passwordRepeat: 'Lange-Sichere-Phrase-1'
		}),
		message: 'schon ein Konto'
	},
	{
		name: 'register: duplicate field',
		as: 'anonymous',
		path: `/registrieren/${inviteToken}`,
		fields: () => {
			const form = new FormData();
			for (const name of ['A', 'B']) form.append('name', name);
			form.set('email', 'neu@example.org');
			form.set('password', 'Lange-Sichere-Phrase-1');
			form.set('passwordRepeat', 'Lange-Sichere-Phrase-1');
			return form;
		},
		message: 'mehrfach gesendet'
	},
	// account
	{
		name: 'account: wrong current password',
		as: 'learner',
		path: '/konto?/password',
		fields: {
			currentPassword: 'Falsches-Passwort-1',
			password: 'Lange-Sichere-Phrase-1',
			passwordRepeat: 'Lange-Sichere-Phrase-1'
		},
		message: 'Das aktuelle Passwort ist nicht richtig.'
	},
	{
		name: 'account: new password too long',
		as: 'learner',
		path: '/konto?/password',
		fields: {
			currentPassword: 'Demo-Lernplattform-2026',
			password: long(300),
			passwordRepeat: long(300)
		},
		message: 'höchstens'
	},
	// administration
	{
		name: 'admin: unknown role for a user',
		as: 'admin',
		path: `/admin/benutzer/${learnerId}?/role`,
		fields: { role: 'kaiser' },
		message: 'gültige Rolle'
	}
];

describe('bad input is rejected with a German message and changes nothing', () => {
	it('has the arranged invite and user', () => {
		expect(inviteToken).not.toBe('');
		expect(learnerId).not.toBe('');
	});
	it.each(cases().map((badCase) => [badCase.name, badCase] as const))(
		'%s',
		async (_name, badCase) => {
			// the case list is built after beforeAll, so paths with arranged IDs are filled in
			const current = cases().find((entry) => entry.name === badCase.name)!;
			await expectRejected(clients, app.databasePath, current);
		}
	);
});
