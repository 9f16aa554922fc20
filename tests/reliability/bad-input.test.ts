import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIZ_PATH } from '../support/demo';
import { copyDemoCohort, enrolByEmail } from '../support/arrange';
import { prepareAttempt, type PreparedAttempt } from '../support/quiz-form';
import { startApp, type AppServer } from '../support/app-server';
import { expectRejected, type BadInputCase } from './support/bad-input';
import { Client } from './support/client';
import { arrangeKeptMail, mailCases, postausgangCases } from './support/mail-bad-input';
import { waitForSettledOutbox } from './support/database';
import { studioCases } from './support/studio-bad-input';
import { alumniCases } from './support/alumni-bad-input';
import {
	arrangeMentoring,
	hospitationCases,
	mentoringCases,
	type MentoringWorld
} from './support/mentoring-bad-input';
import {
	arrangeDiscussions,
	discussionCases,
	type DiscussionWorld
} from './support/discussion-bad-input';
import {
	arrangeCaseConsultation,
	caseConsultationCases,
	type CaseWorld
} from './support/case-bad-input';
import { shareCases } from './support/share-bad-input';
import { arrangeEvents, eventCases, type EventWorld } from './support/event-bad-input';

let app: AppServer;
const clients: Record<string, Client> = {};
let inviteToken = '';
let learnerId = '';
let attempt: PreparedAttempt;
let cohortId = '';
let mailId = '';
// Filled in beforeAll; the case names are read before that (see below).
let discussions: DiscussionWorld = {
	cohortId: '',
	threadId: '',
	learnerPostId: '',
	trainerPostId: '',
	lockedThreadId: '',
	lockedPostId: '',
	foreignThreadId: '',
	foreignCohortId: ''
};
let caseWorld: CaseWorld = { cohortId: '', threadId: '', learnerId: '' };
let events: EventWorld = { cohortId: '', foreignCohortId: '', pastEventId: '', futureEventId: '' };
let mentoring: MentoringWorld = {
	pairId: '',
	foreignPairId: '',
	requestId: '',
	hospitationOfferId: '',
	applicationId: '',
	organisationId: '',
	closedOfferId: ''
};
const IKBO = 'probe-ikbo';
const ASSIGNMENT_PAGE = `/aufgaben/${IKBO}/rolle-und-auftrag/praxisaufgabe-auftragsgespraech`;

const long = (n: number) => 'x'.repeat(n);

beforeAll(async () => {
	app = await startApp({ fixtureCourses: true, port: 4511 });
	cohortId = copyDemoCohort(app.databasePath, IKBO);
	discussions = arrangeDiscussions(app.databasePath, cohortId);
	caseWorld = arrangeCaseConsultation(app.databasePath, cohortId);
	events = arrangeEvents(app.databasePath, cohortId, discussions.foreignCohortId);
	mentoring = arrangeMentoring(app.databasePath);
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
	enrolByEmail(app.databasePath, 'lernende@example.org', QUIZ_PATH.split('/')[2]!);
	attempt = await prepareAttempt(app.url, QUIZ_PATH, clients.learner.cookie);
	mailId = await arrangeKeptMail(clients.admin, app.databasePath);
	learnerId = users.match(/\/admin\/benutzer\/([A-Za-z0-9-]+)/)?.[1] ?? '';
	await waitForSettledOutbox(app.databasePath);
});
afterAll(async () => {
	await app?.stop();
});

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
function formOf(params: URLSearchParams): FormData {
	const form = new FormData();
	for (const [name, value] of params) form.append(name, value);
	return form;
}
function withField(params: URLSearchParams, name: string, value: string): FormData {
	const form = formOf(params);
	form.set(name, value);
	return form;
}
function upload(name: string, bytes: Buffer): FormData {
	const form = new FormData();
	form.set('text', 'Mein Entwurf');
	form.set('datei', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
	return form;
}
function csv(content: string | Buffer): FormData {
	const form = new FormData();
	const part = typeof content === 'string' ? content : new Uint8Array(content);
	form.set('datei', new File([part], 'liste.csv', { type: 'text/csv' }));
	return form;
}

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
		path: `/registrieren/${inviteToken}?/register`,
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
		path: `/registrieren/${inviteToken}?/register`,
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
		path: `/registrieren/${inviteToken}?/register`,
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
		path: `/registrieren/${inviteToken}?/register`,
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
		path: `/registrieren/${inviteToken}?/register`,
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
		path: `/registrieren/${inviteToken}?/register`,
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
	...mailCases(),
	// quiz attempts (the form must be exactly the one the attempt produced)
	{
		name: 'quiz: unknown option',
		as: 'learner',
		path: `${attempt?.attemptUrl}?/save`,
		fields: () => withField(attempt.form, 'q1', 'gibt-es-nicht'),
		message: 'Die Antworten wurden nicht gespeichert'
	},
	{
		name: 'quiz: field sent twice',
		as: 'learner',
		path: `${attempt?.attemptUrl}?/save`,
		fields: () => {
			const form = formOf(attempt.form);
			const [name, value] = [...attempt.form.entries()].find(([key]) => key.includes('-'))!;
			form.append(name, value);
			return form;
		},
		message: 'Die Antworten wurden nicht gespeichert'
	},
	{
		name: 'quiz: answer for a question not drawn',
		as: 'learner',
		path: `${attempt?.attemptUrl}?/save`,
		fields: () => withField(attempt.form, 'q99', 'o1'),
		message: 'Die Antworten wurden nicht gespeichert'
	},
	{
		name: 'quiz: 100 kB in a gap',
		as: 'learner',
		path: `${attempt?.attemptUrl}?/submit`,
		fields: () => {
			const form = formOf(attempt.form);
			const name = [...attempt.form.keys()].find((key) => key.includes('-'))!;
			form.set(name, long(100_000));
			return form;
		},
		message: 'Die Antworten wurden nicht gespeichert'
	},
	// certificate settings: a logo that is no image keeps the texts typed with it
	{
		name: 'issuer settings: a logo that is no image, the typed texts kept',
		as: 'admin',
		path: '/admin/einstellungen?/save',
		fields: () => {
			const form = new FormData();
			form.set('name', 'Neuer Träger NEU1');
			form.set('place', 'Neuer Ort NEU3');
			form.set('logo', new File(['kein Bild'], 'logo.png', { type: 'image/png' }));
			return form;
		},
		message: 'value="Neuer Träger NEU1"'
	},
	// practice assignment uploads
	{
		name: 'upload: empty file',
		as: 'learner',
		path: `${ASSIGNMENT_PAGE}?/save`,
		fields: () => upload('leer.pdf', Buffer.alloc(0)),
		message: 'ist leer (0 Byte)'
	},
	{
		name: 'practice assignment: an empty save starts no draft',
		as: 'learner',
		path: `${ASSIGNMENT_PAGE}?/save`,
		fields: { text: '  ' },
		message: 'Es gibt nichts zu speichern.'
	},
	{
		name: 'practice assignment: an empty submit starts no draft',
		as: 'learner',
		path: `${ASSIGNMENT_PAGE}?/submit`,
		fields: { text: '' },
		message: 'Bitte schreiben Sie'
	},
	{
		name: 'upload: script disguised as PDF',
		as: 'learner',
		path: `${ASSIGNMENT_PAGE}?/save`,
		fields: () => upload('getarnt.pdf', Buffer.from('<script>alert(1)</script>')),
		message: 'passt nicht zur Dateiendung'
	},
	{
		name: 'upload: a file over the limit, the text typed with it kept in the form',
		as: 'learner',
		path: `${ASSIGNMENT_PAGE}?/save`,
		fields: () => {
			const form = upload('riesig.pdf', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]));
			form.set('text', 'Mein Text bleibt auch ohne JavaScript stehen.');
			return form;
		},
		message: 'Mein Text bleibt auch ohne JavaScript stehen.',
		status: 413
	},
	{
		name: 'upload: overlong file name',
		as: 'learner',
		path: `${ASSIGNMENT_PAGE}?/save`,
		fields: () => upload(`${'a'.repeat(130)}.pdf`, PDF),
		message: 'Der Dateiname ist zu lang'
	},
	{
		name: 'upload: path in the file name',
		as: 'learner',
		path: `${ASSIGNMENT_PAGE}?/save`,
		fields: () => upload('../../etc/passwd.pdf', PDF),
		message: 'Der Dateiname enthält unzulässige Zeichen'
	},
	// CSV import of learners
	{
		name: 'csv: no file chosen',
		as: 'trainer',
		path: `/trainer/lehrgaenge/${cohortId}/import?/preview`,
		fields: () => new FormData(),
		message: 'Bitte wählen Sie eine CSV-Datei aus.'
	},
	{
		name: 'csv: missing header',
		as: 'trainer',
		path: `/trainer/lehrgaenge/${cohortId}/import?/preview`,
		fields: () => csv('Ada;ada@example.org\n'),
		message: 'Spaltennamen'
	},
	{
		// Any bytes decode (Windows-1252 is the fallback for Excel's files); an unclosed quote does not.
		name: 'csv: a quoted field that is never closed',
		as: 'trainer',
		path: `/trainer/lehrgaenge/${cohortId}/import?/preview`,
		fields: () => csv('name;email\n"Ada;ada@example.org\n'),
		message: 'ab Zeile 2 nicht gelesen'
	},
	{
		name: 'csv: confirm without preview data',
		as: 'trainer',
		path: `/trainer/lehrgaenge/${cohortId}/import?/confirm`,
		fields: { csv: long(2_000_000) },
		message: 'Bitte wählen Sie eine CSV-Datei aus.'
	},
	// public certificate verification (JSON answer for programs)
	{
		name: 'verify: well-formed unknown code',
		as: 'anonymous',
		method: 'GET',
		path: '/verify/ABCD-EFGH-JKMN-PQRS/json',
		fields: {},
		message: 'Zu diesem Prüfcode gibt es kein Zertifikat',
		status: 404
	},
	{
		name: 'verify: malformed code',
		as: 'anonymous',
		method: 'GET',
		path: `/verify/${encodeURIComponent('<script>alert(1)</script>')}/json`,
		fields: {},
		message: 'Zu diesem Prüfcode gibt es kein Zertifikat',
		status: 404
	},
	{
		name: 'verify: 5 kB code',
		as: 'anonymous',
		method: 'GET',
		path: `/verify/${'A'.repeat(5000)}/json`,
		fields: {},
		message: 'Zu diesem Prüfcode gibt es kein Zertifikat',
		status: 404
	},
	{
		name: 'invite: a signed-in learner accepts an invite into no cohort',
		as: 'learner',
		path: `/registrieren/${inviteToken}?/accept`,
		fields: {},
		message: 'kann mit Ihrem Konto nicht angenommen werden'
	},
	{
		name: 'register: unknown invite token (refused before any password hash)',
		as: 'anonymous',
		path: `/registrieren/${'a'.repeat(32)}?/register`,
		fields: register({
			name: 'Neue Person',
			email: 'neu@example.org',
			password: 'Fahrrad Kanal Brücke',
			passwordRepeat: 'Fahrrad Kanal Brücke'
		}),
		message: 'Dieser Einladungslink ist ungültig'
	},
	// bodies that are no form (malformed multipart, JSON): 400, not a logged 500
	{
		name: 'body: multipart with a boundary that is not in the body',
		as: 'anonymous',
		path: '/anmelden',
		fields: { email: 'lernende@example.org', password: 'irgendwas-langes' },
		headers: { 'content-type': 'multipart/form-data; boundary=gibt-es-nicht' },
		message: 'Das Formular kam unvollständig oder beschädigt an',
		status: 400
	},
	{
		name: 'body: multipart without a boundary',
		as: 'learner',
		path: '/konto?/password',
		fields: { currentPassword: 'x' },
		headers: { 'content-type': 'multipart/form-data' },
		message: 'Das Formular kam unvollständig oder beschädigt an',
		status: 400
	},
	{
		name: 'body: JSON to a form action',
		as: 'anonymous',
		path: `/registrieren/${inviteToken}?/register`,
		fields: { name: 'x' },
		headers: { 'content-type': 'application/json' },
		message: 'Das Formular kam unvollständig oder beschädigt an',
		status: 400
	},
	// administration
	{
		name: 'admin: learner into an unknown cohort (preview)',
		as: 'admin',
		path: `/admin/benutzer/${learnerId}?/cohort`,
		fields: { cohortId: 'gibt-es-nicht' },
		message: 'Diesen Lehrgang gibt es nicht'
	},
	{
		name: 'admin: learner into an unknown cohort (confirmed)',
		as: 'admin',
		path: `/admin/benutzer/${learnerId}?/cohort`,
		fields: { cohortId: '', bestaetigt: 'ja' },
		message: 'Diesen Lehrgang gibt es nicht'
	},
	{
		name: 'admin: unknown role for a user',
		as: 'admin',
		path: `/admin/benutzer/${learnerId}?/role`,
		fields: { role: 'kaiser' },
		message: 'gültige Rolle'
	},
	{
		name: 'admin: deleting an account without a reason, even when confirmed',
		as: 'admin',
		path: `/admin/benutzer/${learnerId}?/erase`,
		fields: { grund: '   ', bestaetigt: 'ja' },
		message: 'Bitte geben Sie einen Grund an'
	},
	...postausgangCases(mailId),
	...studioCases(learnerId),
	...discussionCases(discussions),
	...caseConsultationCases(caseWorld),
	...alumniCases(discussions.threadId),
	...eventCases(events),
	...mentoringCases(mentoring),
	...hospitationCases(mentoring, ASSIGNMENT_PAGE),
	...shareCases(discussions, ASSIGNMENT_PAGE)
];

describe('bad input is rejected with a German message and changes nothing', () => {
	it('has the arranged invite, user, attempt and cohort, and at least 30 cases', () => {
		expect(cases().length).toBeGreaterThanOrEqual(30);
		expect(cohortId).not.toBe('');
		expect(inviteToken).not.toBe('');
		expect(learnerId).not.toBe('');
		expect(mailId).not.toBe('');
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

describe('redirect targets from a query or a form stay on this site', () => {
	const HOSTILE = [
		'/\t/evil.example',
		'//evil.example',
		'/\\evil.example',
		'https://evil.example/',
		'/%0d%0aSet-Cookie: x=1',
		'/\r\nSet-Cookie: x=1',
		'javascript:alert(1)'
	];
	const expectOnSite = (response: Response, target: string) => {
		expect(response.status, target).toBe(303);
		const location = response.headers.get('location') ?? '';
		// as a browser resolves it: on this site, and nothing it would normalise elsewhere
		expect(new URL(location, app.url).origin, target).toBe(new URL(app.url).origin);
		expect(location, target).toMatch(/^\/(?![/\\])/);
		// eslint-disable-next-line no-control-regex -- control characters must not come back
		expect(location, target).not.toMatch(/[\u0000-\u001f\\]/);
	};

	it.each(HOSTILE)('signed in, /anmelden?weiter=%s stays on this site', async (target) => {
		expectOnSite(
			await clients.learner!.get(`/anmelden?weiter=${encodeURIComponent(target)}`),
			target
		);
	});
	it.each(HOSTILE)('POST /sprache with weiter=%s stays on this site', async (target) => {
		expectOnSite(
			await clients.anonymous!.post('/sprache', { locale: 'de', weiter: target }),
			target
		);
	});
	it('a login form whose hidden field points off-site stays on this site', async () => {
		const visitor = new Client(app.url);
		const response = await visitor.post('/anmelden', {
			email: 'lernende@example.org',
			password: 'Demo-Lernplattform-2026',
			weiter: '/\t/evil.example'
		});
		expectOnSite(response, 'login form');
	});
});
