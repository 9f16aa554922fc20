import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIZ_PATH } from '../../bench/context';
import { startApp, type AppServer } from '../../bench/lib/app-server';
import { enrolByEmail } from '../../bench/lib/arrange';
import { prepareAttempt, submitAttempt } from '../../bench/lib/quiz-form';
import { arrangeIdorWorld, IKBO, SECRET_TEXT } from './support/arrange-idor';
import { Client } from './support/client';

type Actor =
	| 'anonymous'
	| 'owner'
	| 'otherLearner'
	| 'cohortTrainer'
	| 'otherTrainer'
	| 'courseStranger'
	| 'admin';
const ACTORS: Actor[] = [
	'anonymous',
	'owner',
	'otherLearner',
	'cohortTrainer',
	'otherTrainer',
	'courseStranger',
	'admin'
];

let app: AppServer;
const cookies: Partial<Record<Actor, string>> = {};
/** `secret`: text of the resource that a refused visitor must not get to see. */
const routes: { path: string; allowed: Actor[]; secret?: string }[] = [];

beforeAll(async () => {
	app = await startApp({ port: 4541 });
	const world = arrangeIdorWorld(app.databasePath, join(app.dataDir, 'uploads'));
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
	// The owner's certificate, issued by the admin.
	const issue = await fetch(`${app.url}/trainer/zertifikate?/issue`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie: cookies.admin!, origin: app.url, accept: 'text/html' },
		body: new URLSearchParams({ userId: world.learnerA, courseId: IKBO, bestaetigt: 'ja' })
	});
	expect(issue.status).toBe(200);
	const db = new Database(app.databasePath, { readonly: true });
	const certificateId = (
		db.prepare('select id from certificates where user_id = ?').get(world.learnerA) as {
			id: string;
		}
	).id;
	db.close();

	const cohort = `/trainer/lehrgaenge/${world.cohortA}`;
	const trainers: Actor[] = ['cohortTrainer', 'admin'];
	routes.push(
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
		{ path: `/zertifikate/${certificateId}/pdf`, allowed: ['owner', 'cohortTrainer', 'admin'] },
		{ path: `/admin/benutzer/${world.learnerA}`, allowed: ['admin'] },
		// Trainer material and the module's trainer/ files: every trainer of the course (both
		// cohorts) and admins, never learners or trainers without a cohort of the course.
		{
			path: `/trainer/material/${IKBO}/rolle-und-auftrag/trainerleitfaden`,
			allowed: ['cohortTrainer', 'otherTrainer', 'admin'],
			secret: 'Kollegiale Beratung'
		},
		{
			path: `/trainer/material/${IKBO}/rolle-und-auftrag/bewertung-auftragsgespraech`,
			allowed: ['cohortTrainer', 'otherTrainer', 'admin'],
			secret: 'Formulierungshilfen'
		},
		{
			path: `/medien/${IKBO}/rolle-und-auftrag/trainer/ablaufplan-modul-1.pdf`,
			allowed: ['cohortTrainer', 'otherTrainer', 'admin'],
			secret: '%PDF'
		}
	);
});
afterAll(async () => {
	await app?.stop();
});

describe('IDOR matrix: every route with an ID, every kind of visitor', () => {
	it('arranged a route list', () => expect(routes.length).toBe(19));

	for (const actor of ACTORS) {
		it(`${actor}: reads only what is theirs to read`, async () => {
			for (const { path, allowed, secret } of routes) {
				const response = await fetch(app.url + path, {
					redirect: 'manual',
					headers: { accept: 'text/html', ...(cookies[actor] ? { cookie: cookies[actor]! } : {}) }
				});
				const body = await response.text();
				if (actor === 'anonymous') {
					expect(response.status, path).toBe(303);
					expect(response.headers.get('location'), path).toMatch(/^\/anmelden\?weiter=/);
				} else if (allowed.includes(actor)) {
					expect(response.status, `${actor} ${path}`).toBe(200);
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
