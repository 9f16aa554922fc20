import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIZ_PATH } from '../support/demo';
import { headOid } from '../../src/lib/server/studio/repository';
import { startApp, type AppServer } from '../support/app-server';
import { copyDemoCohort, enrolByEmail } from '../support/arrange';
import { prepareAttempt, submitAttempt } from '../support/quiz-form';
import {
	arrangeIdorWorld,
	ASSIGNMENT,
	IKBO,
	SECRET_TEXT,
	type IdorWorld
} from './support/arrange-idor';
import {
	arrangeCommunity,
	CASE_THREAD,
	COHORT_ATTACHMENT,
	HOSPITATION_OFFER,
	HOSPITATION_ORGANISATION,
	SHARED_TEXT,
	SHARED_THREAD
} from './support/arrange-idor-community';
import { Client } from './support/client';
import { communityRoutes, type Actor, type IdorRoute } from './support/idor-routes';

const ACTORS: Actor[] = [
	'anonymous',
	'owner',
	'otherLearner',
	'cohortTrainer',
	'otherTrainer',
	'courseStranger',
	'admin'
];

const ROUTES_DIR = fileURLToPath(new URL('../../src/routes/', import.meta.url));
const ROUTE_FILE = /^\+(page\.svelte|page\.server\.ts|server\.ts)$/;

/**
 * Every route folder whose path holds a record ID (a parameter with the `id` matcher), as a
 * pattern over URLs: the matrix must request each, so a new route cannot be forgotten.
 */
function routeFoldersWithIds(): { folder: string; pattern: RegExp }[] {
	const found: { folder: string; pattern: RegExp }[] = [];
	const visit = (dir: string) => {
		const entries = readdirSync(dir, { withFileTypes: true });
		const folder = relative(ROUTES_DIR, dir);
		if (/=id\]/.test(folder) && entries.some((entry) => ROUTE_FILE.test(entry.name))) {
			const segments = folder
				.split('/')
				.filter((segment) => !/^\(.*\)$/.test(segment))
				.map((segment) =>
					segment
						.split(/\[[^\]]+\]/)
						.map((text) => text.replace(/\./g, '\\.'))
						.join('[^/]+')
				);
			found.push({ folder, pattern: new RegExp(`^/${segments.join('/')}$`) });
		}
		for (const entry of entries) if (entry.isDirectory()) visit(join(dir, entry.name));
	};
	visit(ROUTES_DIR);
	return found;
}

let app: AppServer;
const cookies: Partial<Record<Actor, string>> = {};
const routes: IdorRoute[] = [];
let world: IdorWorld;
let certificateId = '';

beforeAll(async () => {
	app = await startApp({ fixtureCourses: true, port: 4541 });
	copyDemoCohort(app.databasePath, IKBO);
	world = arrangeIdorWorld(app.databasePath, join(app.dataDir, 'uploads'));
	for (const [actor, email] of [
		['owner', 'lernende@example.org'],
		['cohortTrainer', 'trainerin@example.org'],
		['admin', 'admin@example.org']
	] as const) {
		const client = new Client(app.url);
		await client.login(email);
		cookies[actor] = client.cookie;
	}
	cookies.otherLearner = world.learnerB.cookie;
	cookies.otherTrainer = world.trainerB.cookie;
	cookies.courseStranger = world.strangerTrainer.cookie;

	// The owner's submitted quiz attempt.
	enrolByEmail(app.databasePath, 'lernende@example.org', QUIZ_PATH.split('/')[2]!);
	const attempt = await prepareAttempt(app.url, QUIZ_PATH, cookies.owner!);
	expect(await submitAttempt(app.url, attempt)).toBe(true);
	// The owner's certificate, issued by the admin once the cohort has ended (before its last
	// module day nothing is issued, so the demo cohort's days are moved into the past).
	const writer = new Database(app.databasePath);
	writer
		.prepare(
			`update cohort_modules set starts_on = '2026-01-05', ends_on = '2026-01-06'
			 where cohort_id = (select cohort_id from enrolments where user_id = ? and course_id = ?)`
		)
		.run(world.learnerA, IKBO);
	// The owner's private journal entry: only the owner reads it (sharing is tested in e2e).
	const journalEntryId = 'jrnlentryowner22';
	writer
		.prepare('insert into journal_entries (id, user_id, body, updated_at) values (?, ?, ?, ?)')
		.run(journalEntryId, world.learnerA, 'Geheimer Tagebucheintrag', Date.now());
	arrangeCommunity(writer, world, join(app.dataDir, 'uploads'));
	writer.close();
	const issue = await fetch(`${app.url}/trainer/zertifikate?/issue`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie: cookies.admin!, origin: app.url, accept: 'text/html' },
		body: new URLSearchParams({ userId: world.learnerA, courseId: IKBO, bestaetigt: 'ja' })
	});
	expect(issue.status).toBe(200);
	// An event of the demo trainer for the course's alumni (the owner, once certified above),
	// started an hour ago so attendance can be recorded; the owner has a seat.
	const eventWriter = new Database(app.databasePath);
	eventWriter
		.prepare(
			`insert into events (id, title, description, format, place, starts_at, ends_at, capacity, status, created_by)
			 values (?, 'Vertiefungstreffen', 'Geheimes Programm', 'praesenz', 'Berlin', ?, ?, 5, 'published',
			 (select id from users where email = 'trainerin@example.org'))`
		)
		.run(eventId, Date.now() - 3_600_000, Date.now() + 3_600_000);
	eventWriter
		.prepare("insert into event_audience (event_id, kind, target_id) values (?, 'course', ?)")
		.run(eventId, IKBO);
	eventWriter
		.prepare(
			`insert into event_registrations (id, event_id, user_id, status, registered_at, updated_at)
			 values ('regownerikbo2222', ?, ?, 'registered', ?, ?)`
		)
		.run(eventId, world.learnerA, Date.now() - 86_400_000, Date.now() - 86_400_000);
	eventWriter.close();
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
		new Date(Date.now() - 3_600_000)
	);
	const attended = await fetch(`${app.url}/trainer/veranstaltungen/${eventId}?/anwesenheit`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie: cookies.cohortTrainer!, origin: app.url, accept: 'text/html' },
		body: new URLSearchParams({ [`da:${world.learnerA}:${day}`]: 'ja' })
	});
	expect(attended.status).toBe(200);
	const db = new Database(app.databasePath, { readonly: true });
	expect(
		db.prepare('select count(*) as n from event_confirmations where event_id = ?').get(eventId)
	).toEqual({ n: 1 });
	certificateId = (
		db.prepare('select id from certificates where user_id = ?').get(world.learnerA) as {
			id: string;
		}
	).id;
	// The owner's "certificate issued" mail.
	const mailId = (
		db.prepare('select id from mail_outbox where user_id = ?').get(world.learnerA) as { id: string }
	).id;
	db.close();

	const cohort = `/trainer/lehrgaenge/${world.cohortA}`;
	const trainers: Actor[] = ['cohortTrainer', 'admin'];
	routes.push(
		{ path: attempt.attemptUrl, allowed: ['owner'], status: 303 },
		{ path: `${attempt.attemptUrl}/ergebnis`, allowed: ['owner'] },
		{ path: `/aufgaben/dateien/${world.fileId}`, allowed: ['owner', 'cohortTrainer', 'admin'] },
		{ path: `/trainer/abgaben/${world.submissionId}`, allowed: trainers },
		{ path: cohort, allowed: trainers },
		{ path: `${cohort}/bearbeiten`, allowed: trainers },
		{ path: `${cohort}/import`, allowed: trainers },
		{ path: `${cohort}/freischalten`, allowed: trainers },
		{ path: `${cohort}/anwesenheit`, allowed: trainers },
		{ path: `${cohort}/matrix`, allowed: trainers },
		{ path: `${cohort}/matrix.csv`, allowed: trainers },
		{ path: `${cohort}/uebersicht`, allowed: trainers },
		{ path: `${cohort}/lernende/${world.learnerA}`, allowed: trainers },
		{ path: `${cohort}/lernende/${world.learnerA}.csv`, allowed: trainers },
		{ path: `/trainer/zertifikate/${certificateId}`, allowed: trainers },
		{ path: `/zertifikate/${certificateId}`, allowed: ['owner', 'cohortTrainer', 'admin'] },
		{ path: `/zertifikate/${certificateId}/pdf`, allowed: ['owner', 'cohortTrainer', 'admin'] },
		{ path: `/admin/benutzer/${world.learnerA}`, allowed: ['admin'] },
		// Art. 15 export of another person's data: admins only (the owner uses /konto/daten.zip).
		{ path: `/admin/benutzer/${world.learnerA}/daten.zip`, allowed: ['admin'] },
		{ path: `/admin/postausgang/${mailId}`, allowed: ['admin'] },
		...communityRoutes(world, eventId),
		{
			path: `/tagebuch/${journalEntryId}`,
			allowed: ['owner'],
			secret: 'Geheimer Tagebucheintrag'
		},
		// Trainer material and the module's trainer/ files: every trainer of the course (both
		// cohorts) and admins, never learners or trainers without a cohort of the course.
		{
			path: `/trainer/material/${IKBO}/rolle-und-auftrag/trainerleitfaden`,
			allowed: ['cohortTrainer', 'otherTrainer', 'admin'],
			secret: 'Kollegiale Beratung',
			byName: true
		},
		{
			path: `/trainer/material/${IKBO}/rolle-und-auftrag/bewertung-auftragsgespraech`,
			allowed: ['cohortTrainer', 'otherTrainer', 'admin'],
			secret: 'Formulierungshilfen',
			byName: true
		},
		{
			path: `/medien/${IKBO}/rolle-und-auftrag/trainer/ablaufplan-modul-1.pdf`,
			allowed: ['cohortTrainer', 'otherTrainer', 'admin'],
			secret: '%PDF',
			byName: true
		},
		// The studio: admins, and trainers granted the course (the demo trainer has the IKBO
		// course); a course right is no key to another course.
		...studioRoutes('81-probe-ikbo', ['cohortTrainer', 'admin']),
		...studioRoutes('82-probe-verwaltung', ['admin']),
		{ path: '/studio', allowed: ['cohortTrainer', 'admin'], byName: true },
		{
			path: `/studio/81-probe-ikbo/verlauf/${await firstCommit(join(app.dataDir, 'content'))}`,
			allowed: ['cohortTrainer', 'admin'],
			byName: true
		}
	);
});
afterAll(async () => {
	await app?.stop();
});

/** An event of the demo trainer, arranged below; the owner has a seat. */
const eventId = 'evntownerikbo222';

/** The content folder becomes a repository just after the server starts: wait for it. */
async function firstCommit(dir: string): Promise<string> {
	for (let attempt = 0; attempt < 100; attempt++) {
		const oid = await headOid(dir);
		if (oid) return oid;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${dir} wurde kein Repository`);
}

function studioRoutes(courseDir: string, allowed: Actor[]) {
	const base = `/studio/${courseDir}`;
	const lesson = encodeURIComponent(
		`courses/${courseDir}/${courseDir === '82-probe-verwaltung' ? '01-berliner-verwaltung' : '01-rolle-und-auftrag'}/module.md`
	);
	return [
		base,
		`${base}/bearbeiten?datei=${lesson}`,
		`${base}/veroeffentlichen`,
		`${base}/verlauf`,
		`${base}/medien`
	].map((path) => ({ path, allowed, byName: true }));
}

describe('IDOR matrix: every route with an ID, every kind of visitor', () => {
	it('has an arranged path for every route folder with an ID', () => {
		const missing = routeFoldersWithIds().filter(
			({ pattern }) => !routes.some(({ path }) => pattern.test(path))
		);
		expect(missing.map(({ folder }) => folder)).toEqual([]);
		// and the other way round: every arranged path is a route with an ID (nothing stale)
		const folders = routeFoldersWithIds();
		const stale = routes.filter(
			({ path, byName }) => !byName && !folders.some(({ pattern }) => pattern.test(path))
		);
		expect(stale.map(({ path }) => path)).toEqual([]);
	});

	for (const actor of ACTORS) {
		it(`${actor}: reads only what is theirs to read`, async () => {
			for (const { path, allowed, status, secret } of routes) {
				const response = await fetch(app.url + path, {
					redirect: 'manual',
					headers: { accept: 'text/html', ...(cookies[actor] ? { cookie: cookies[actor]! } : {}) }
				});
				const body = await response.text();
				if (actor === 'anonymous') {
					expect(response.status, path).toBe(303);
					expect(response.headers.get('location'), path).toMatch(/^\/anmelden\?weiter=/);
				} else if (allowed.includes(actor)) {
					expect(response.status, `${actor} ${path}`).toBe(status ?? 200);
				} else {
					expect([403, 404], `${actor} ${path}`).toContain(response.status);
					expect(body, `${actor} ${path}`).not.toContain(SECRET_TEXT);
					if (secret) expect(body, `${actor} ${path}`).not.toContain(secret);
					// (the owner's own name is in the page header of every page they see)
					if (actor !== 'owner') expect(body, `${actor} ${path}`).not.toContain('Aylin');
				}
			}
		});
	}
});

describe('an Austausch file', () => {
	it('is sent as a private download that the browser must not sniff or keep', async () => {
		const response = await fetch(`${app.url}/austausch/dateien/${COHORT_ATTACHMENT}`, {
			headers: { cookie: cookies.owner! }
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="plan.pdf"/);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(await response.text()).toContain('Vertraulicher Anhang');
	});
});

describe('the other cohort’s trainer cannot take over a learner', () => {
	const read = <T>(sql: string, ...params: unknown[]) => {
		const db = new Database(app.databasePath, { readonly: true });
		try {
			return db.prepare(sql).get(...params) as T;
		} finally {
			db.close();
		}
	};
	const cohortOfA = () =>
		read<{ cohort_id: string }>(
			'select cohort_id from enrolments where user_id = ? and course_id = ?',
			world.learnerA,
			IKBO
		).cohort_id;
	const post = (path: string, body: FormData | URLSearchParams) =>
		fetch(app.url + path, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: cookies.otherTrainer!, origin: app.url, accept: 'text/html' },
			body
		});

	it('learns nothing from a CSV preview and moves nobody by confirming it', async () => {
		const csv = 'name;email\nAylin;lernende@example.org\n';
		const file = new FormData();
		file.set('datei', new File([csv], 'liste.csv', { type: 'text/csv' }));
		const preview = await post(`/trainer/lehrgaenge/${world.cohortB}/import?/preview`, file);
		expect(preview.status).toBe(200);
		const shown = await preview.text();
		expect(shown).toContain('Erhält eine Einladung');
		// Neither the old "will be enrolled (account exists)" nor the learner's current cohort.
		expect(shown).not.toContain('Wird aufgenommen');
		expect(shown).not.toContain('Wechselt aus dem Lehrgang');
		expect(shown).not.toContain('IKBO Berlin');
		const confirm = await post(
			`/trainer/lehrgaenge/${world.cohortB}/import?/confirm`,
			new URLSearchParams({ csv })
		);
		expect(confirm.status).toBe(200);
		expect(cohortOfA()).toBe(world.cohortA);
	});

	it('cannot move the learner, read their history or touch their certificate', async () => {
		const move = await post(
			`/admin/benutzer/${world.learnerA}?/cohort`,
			new URLSearchParams({ cohortId: world.cohortB, bestaetigt: 'ja' })
		);
		expect(move.status).toBe(403);
		expect(cohortOfA()).toBe(world.cohortA);
		const history = await fetch(
			`${app.url}/trainer/lehrgaenge/${world.cohortB}/lernende/${world.learnerA}`,
			{ redirect: 'manual', headers: { cookie: cookies.otherTrainer!, accept: 'text/html' } }
		);
		expect(history.status).toBe(404);
		const revoke = await post(
			`/trainer/zertifikate/${certificateId}?/revoke`,
			new URLSearchParams({ reason: 'Übernahme', bestaetigt: 'ja' })
		);
		expect(revoke.status).toBe(404);
		expect(
			read<{ status: string }>('select status from certificates where id = ?', certificateId).status
		).toBe('valid');
		expect(
			read<{ n: number }>(
				"select count(*) as n from audit_log where action = 'cohort.learner_moved'"
			).n
		).toBe(0);
	});

	it('cannot edit, close or delete Hospitation organisations and offers (admins only)', async () => {
		const attempts = [
			[`/admin/hospitation/angebote/${HOSPITATION_OFFER}?/schliessen`, { bestaetigt: 'ja' }],
			[
				`/admin/hospitation/angebote/${HOSPITATION_OFFER}?/speichern`,
				{
					organisationId: HOSPITATION_ORGANISATION,
					title: 'Übernommen',
					description: 'Eine Woche im Amt',
					places: '2',
					startsOn: '2026-07-01',
					endsOn: '2026-07-05'
				}
			],
			[
				`/admin/hospitation/organisationen/${HOSPITATION_ORGANISATION}?/loeschen`,
				{ bestaetigt: 'ja' }
			]
		] as const;
		for (const [path, fields] of attempts) {
			expect([403, 404], path).toContain((await post(path, new URLSearchParams(fields))).status);
		}
		expect(
			read<{ title: string; closed_at: number | null }>(
				'select title, closed_at from hospitation_offers where id = ?',
				HOSPITATION_OFFER
			)
		).toEqual({ title: 'Bürgeramt', closed_at: null });
	});

	it('cannot remove someone’s registration from an event another trainer runs', async () => {
		const remove = await post(
			`/trainer/veranstaltungen/${eventId}?/entfernen`,
			new URLSearchParams({ person: world.learnerA, bestaetigt: 'ja' })
		);
		expect(remove.status).toBe(404);
		expect(
			read<{ status: string }>(
				'select status from event_registrations where event_id = ? and user_id = ?',
				eventId,
				world.learnerA
			).status
		).toBe('registered');
	});

	it('cannot withdraw the owner’s shared Praxisaufgabe, nor share it', async () => {
		for (const cookie of [cookies.otherTrainer!, cookies.otherLearner!, cookies.courseStranger!]) {
			const revoke = await fetch(
				`${app.url}/austausch/${world.cohortA}/${SHARED_THREAD}/freigabe`,
				{
					method: 'POST',
					redirect: 'manual',
					headers: { cookie, origin: app.url, accept: 'text/html' },
					body: new URLSearchParams({ bestaetigt: 'ja' })
				}
			);
			expect(revoke.status).toBe(404);
		}
		const ownPage = await fetch(`${app.url}/aufgaben/${ASSIGNMENT}/teilen`, {
			headers: { cookie: cookies.otherLearner!, accept: 'text/html' }
		});
		const shown = await ownPage.text();
		for (const secret of [SECRET_TEXT, SHARED_TEXT, SHARED_THREAD]) {
			expect(shown).not.toContain(secret);
		}
		const share = await fetch(`${app.url}/aufgaben/${ASSIGNMENT}/teilen?/teilen`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: cookies.otherLearner!, origin: app.url, accept: 'text/html' },
			body: new URLSearchParams({ mode: 'ganz', bestaetigt: 'ja' })
		});
		// learnerB has no submission of their own here, and none of the owner's can be named
		expect([403, 404, 409]).toContain(share.status);
		expect(
			read<{ text: string | null }>(
				'select text from shared_submissions where thread_id = ?',
				SHARED_THREAD
			).text
		).toBe(SHARED_TEXT);
		expect(read<{ n: number }>('select count(*) as n from shared_submissions').n).toBe(1);
	});
});

describe('a kollegiale Fallberatung is steered only from inside the cohort', () => {
	const phaseOf = () => {
		const db = new Database(app.databasePath, { readonly: true });
		try {
			return db
				.prepare('select phase, case_giver_id from case_consultations where thread_id = ?')
				.get(CASE_THREAD) as { phase: number; case_giver_id: string };
		} finally {
			db.close();
		}
	};
	const post = (actor: Actor, action: string, body: Record<string, string>) =>
		fetch(`${app.url}/austausch/${world.cohortA}/${CASE_THREAD}?/${action}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: cookies[actor] ?? '', origin: app.url, accept: 'text/html' },
			body: new URLSearchParams(body)
		});

	it('refuses phase steps and role changes from outside, and from a learner who does not moderate', async () => {
		for (const actor of ['otherLearner', 'otherTrainer', 'courseStranger'] as const) {
			expect((await post(actor, 'phase', { schritt: 'weiter' })).status, actor).toBe(404);
			const roles = await post(actor, 'rollen', {
				caseGiverId: world.learnerB.id,
				moderatorId: world.learnerB.id
			});
			expect(roles.status, actor).toBe(404);
		}
		// The Fallgeber*in neither steers nor hands out roles.
		expect((await post('owner', 'phase', { schritt: 'weiter' })).status).toBe(403);
		expect(
			(await post('owner', 'rollen', { caseGiverId: world.learnerA, moderatorId: world.learnerA }))
				.status
		).toBe(403);
		expect(phaseOf()).toEqual({ phase: 2, case_giver_id: world.learnerA });
		// The cohort's trainer (the Moderation) does.
		expect((await post('cohortTrainer', 'phase', { schritt: 'weiter' })).status).toBe(200);
		expect(phaseOf().phase).toBe(3);
	});
});
