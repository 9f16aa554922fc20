import type { Browser, Page } from '@playwright/test';
import type Database from 'better-sqlite3';
import { withDatabase } from './database';
import { createInvite, demo, expect, login, uniqueEmail } from './fixtures';

// Arranging progress states for tests/e2e/progress.spec.ts straight in the database.

export const OPEN = 'probe-digital';
export const M1 = `${OPEN}/informationen-und-daten`;
export const SEQ = 'probe-ikbo';
const SEQ_MODULES = [
	'rolle-und-auftrag',
	'diskriminierung-und-machtkritik',
	'migrationssensible-beratung',
	'organisationsentwicklung-und-strategie',
	'vernetzung-und-verstetigung'
];
const SEQ_ITEMS: Record<string, [string, string, string, string]> = {
	'rolle-und-auftrag': [
		'idee-und-rolle',
		'auftrag-klaeren',
		'wissenscheck',
		'praxisaufgabe-auftragsgespraech'
	],
	'diskriminierung-und-machtkritik': [
		'formen-und-ebenen',
		'agg-und-ladg',
		'wissenscheck',
		'praxisaufgabe-beobachtung'
	],
	'migrationssensible-beratung': [
		'sprachmittlung-und-mehrsprachigkeit',
		'barrieren-vertrauen-partizipation',
		'wissenscheck',
		'praxisaufgabe-beratungsstandard'
	],
	'organisationsentwicklung-und-strategie': [
		'oeffnung-als-prozess',
		'analyse-ziele-massnahmenplan',
		'wissenscheck',
		'praxisaufgabe-massnahmenplan'
	],
	'vernetzung-und-verstetigung': [
		'netzwerke-und-beschwerdestellen',
		'verstetigung',
		'wissenscheck',
		'abschlussreflexion'
	]
};

/** 16 characters of lower-case base32, like the app's own IDs (the route matcher insists). */
export function id(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
	return Array.from({ length: 16 }, () => alphabet[Math.floor(Math.random() * 32)]).join('');
}

export const userId = (db: Database.Database, email: string) =>
	(db.prepare('select id from users where email = ?').get(email) as { id: string }).id;

export function complete(
	db: Database.Database,
	user: string,
	courseId: string,
	itemId: string,
	at: number,
	source = 'lesson_marked',
	kind = 'completed'
) {
	db.prepare(
		'insert into completion_events (user_id, course_id, item_id, kind, source, at) values (?, ?, ?, ?, ?, ?)'
	).run(user, courseId, itemId, kind, source, at);
}

const PASSWORD = 'Lernfortschritt Sonnenblume 2026';

/** A learner of their own, so parallel specs using the demo learner are not disturbed. */
export async function registerLearner(browser: Browser, page: Page) {
	const admin = await browser.newPage({ extraHTTPHeaders: { 'x-forwarded-for': '10.250.1.1' } });
	await login(admin, demo.admin);
	const link = await createInvite(admin, { role: 'learner' });
	await admin.close();
	const email = uniqueEmail('fortschritt');
	await page.goto(link, { waitUntil: 'networkidle' });
	await page.getByLabel('Name').fill('Fortschritt Test');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Neues Passwort', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Neues Passwort wiederholen').fill(PASSWORD);
	await page.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Willkommen');
	return withDatabase((db) => userId(db, email));
}

export function enrolIn(learner: string, courseId: string) {
	withDatabase((db) =>
		db
			.prepare(
				'insert into enrolments (id, user_id, course_id, cohort_id, created_at) values (?, ?, ?, null, ?)'
			)
			.run(id(), learner, courseId, Date.now())
	);
}

export type Cell = 'N' | 'I' | 'C' | 'W' | 'R';
export const CELL_TEXT: Record<Cell, string> = {
	N: 'Nicht begonnen',
	I: 'In Bearbeitung',
	C: 'Abgeschlossen',
	W: 'Wartet auf Prüfung',
	R: 'Überarbeitung erbeten'
};

interface Arrange {
	/** Module indexes completed fully (assignment accepted). */
	complete?: number[];
	/** [module, how many of the first items] completed (lessons, then quiz). */
	partial?: [number, number][];
	/** [module, submission status] for the module's assignment. */
	submission?: [number, string][];
	/** Undo the assignment of these (complete) modules afterwards. */
	reopen?: number[];
	expected: Cell[];
}

const LEARNERS: Arrange[] = [
	{ expected: ['N', 'N', 'N', 'N', 'N'] },
	{ partial: [[0, 1]], expected: ['I', 'N', 'N', 'N', 'N'] },
	{ complete: [0], expected: ['C', 'N', 'N', 'N', 'N'] },
	{ partial: [[0, 3]], submission: [[0, 'submitted']], expected: ['W', 'N', 'N', 'N', 'N'] },
	{
		partial: [[0, 3]],
		submission: [[0, 'revision_requested']],
		expected: ['R', 'N', 'N', 'N', 'N']
	},
	{ complete: [0], partial: [[1, 1]], expected: ['C', 'I', 'N', 'N', 'N'] },
	{
		complete: [0, 1],
		partial: [[2, 3]],
		submission: [[2, 'submitted']],
		expected: ['C', 'C', 'W', 'N', 'N']
	},
	{ complete: [0, 1, 2, 3, 4], expected: ['C', 'C', 'C', 'C', 'C'] },
	{ submission: [[0, 'draft']], expected: ['I', 'N', 'N', 'N', 'N'] },
	{ complete: [0], reopen: [0], expected: ['I', 'N', 'N', 'N', 'N'] },
	{ partial: [[1, 2]], expected: ['N', 'I', 'N', 'N', 'N'] },
	{ complete: [0, 1], expected: ['C', 'C', 'N', 'N', 'N'] }
];

const DAY = Date.UTC(2026, 2, 10, 9, 0);
export const itemId = (module: number, index: number) => {
	const slug = SEQ_MODULES[module]!;
	return `${SEQ}/${slug}/${SEQ_ITEMS[slug]![index]}`;
};
export const sourceFor = (index: number) =>
	index === 2 ? 'quiz_passed' : index === 3 ? 'assignment_accepted' : 'lesson_marked';

export function seedCohort(trainerEmail: string | null, label: string) {
	return withDatabase((db) => {
		const admin = userId(db, demo.admin);
		const cohort = id();
		db.prepare(
			'insert into cohorts (id, course_id, name, created_by, created_at) values (?, ?, ?, ?, ?)'
		).run(cohort, SEQ, label, admin, Date.now());
		if (trainerEmail) {
			db.prepare('insert into cohort_trainers (cohort_id, user_id) values (?, ?)').run(
				cohort,
				userId(db, trainerEmail)
			);
		}
		const learners = LEARNERS.map((arrange, index) => {
			const learner = id();
			const name = `${label} Lernende ${String(index + 1).padStart(2, '0')}`;
			db.prepare(
				'insert into users (id, email, name, password_hash, role, active, created_at, email_confirmed_at) values (?, ?, ?, ?, ?, 1, ?, ?)'
			).run(learner, `${learner}@example.org`, name, 'x', 'learner', Date.now(), Date.now());
			db.prepare(
				'insert into enrolments (id, user_id, course_id, cohort_id, created_at) values (?, ?, ?, ?, ?)'
			).run(id(), learner, SEQ, cohort, Date.now());
			let at = DAY + index * 60_000;
			for (const module of arrange.complete ?? []) {
				for (let item = 0; item < 4; item += 1) {
					complete(db, learner, SEQ, itemId(module, item), (at += 1000), sourceFor(item));
				}
			}
			for (const [module, count] of arrange.partial ?? []) {
				for (let item = 0; item < count; item += 1) {
					complete(db, learner, SEQ, itemId(module, item), (at += 1000), sourceFor(item));
				}
			}
			for (const [module, status] of arrange.submission ?? []) {
				db.prepare(
					'insert into submissions (id, user_id, course_id, item_id, cohort_id, status, draft_text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'
				).run(id(), learner, SEQ, itemId(module, 3), cohort, status, '', at, at);
			}
			for (const module of arrange.reopen ?? []) {
				complete(db, learner, SEQ, itemId(module, 3), (at += 1000), 'trainer', 'uncompleted');
			}
			return { id: learner, name, expected: arrange.expected };
		});
		return { cohort, learners };
	});
}
