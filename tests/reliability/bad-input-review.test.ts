import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { copyDemoCohort } from '../support/arrange';
import { startApp, type AppServer } from '../support/app-server';
import { expectRejected, type BadInputCase } from './support/bad-input';
import { Client } from './support/client';

// The review form rates each rubric criterion by one of its levels (curriculum v2): a rating the
// criterion does not offer is refused with the criterion named, and nothing is stored.

const COURSE = 'probe-ikbo';
const ASSIGNMENT = `${COURSE}/rolle-und-auftrag/praxisaufgabe-auftragsgespraech`;
const CRITERIA = ['auftrag', 'ressourcen', 'grenzen', 'reflexion'];
const id = () =>
	[...randomBytes(16)].map((byte) => 'abcdefghijklmnopqrstuvwxyz234567'[byte % 32]).join('');

let app: AppServer;
const clients: Record<string, Client> = {};
let submissionId = '';
let versionId = '';

beforeAll(async () => {
	app = await startApp({ fixtureCourses: true, port: 4561 });
	copyDemoCohort(app.databasePath, COURSE);
	clients.trainer = new Client(app.url);
	await clients.trainer.login('trainerin@example.org');
	// The demo learner's submitted work in the demo cohort, which the demo trainer reviews.
	const db = new Database(app.databasePath);
	db.pragma('busy_timeout = 5000');
	const { userId, cohortId } = db
		.prepare(
			`select e.user_id as userId, e.cohort_id as cohortId from enrolments e
			 join users u on u.id = e.user_id where u.email = ? and e.course_id = ?`
		)
		.get('lernende@example.org', COURSE) as { userId: string; cohortId: string };
	submissionId = id();
	versionId = id();
	const now = Date.now();
	db.prepare(
		`insert into submissions (id, user_id, course_id, item_id, cohort_id, status, draft_text, created_at, updated_at)
		 values (?, ?, ?, ?, ?, 'submitted', '', ?, ?)`
	).run(submissionId, userId, COURSE, ASSIGNMENT, cohortId, now, now);
	db.prepare(
		'insert into submission_versions (id, submission_id, version, text, submitted_at) values (?, ?, 1, ?, ?)'
	).run(versionId, submissionId, 'Meine Rollenbeschreibung.', now);
	db.close();
});
afterAll(async () => {
	await app?.stop();
});

/** A complete review with every criterion rated `erfuellt`, then `changes` applied. */
function review(changes: Record<string, string>): Record<string, string> {
	const fields: Record<string, string> = {
		versionId,
		entscheidung: 'accepted',
		rueckmeldung: 'Gut.',
		bestaetigt: 'ja'
	};
	for (const criterion of CRITERIA) fields[`bewertung-${criterion}`] = 'erfuellt';
	return { ...fields, ...changes };
}

const cases = (): BadInputCase[] => [
	{
		name: 'review: a generic rating for a criterion with levels',
		as: 'trainer',
		path: `/trainer/abgaben/${submissionId}?/review`,
		fields: review({ 'bewertung-auftrag': 'met' }),
		message:
			'Bitte bewerten Sie das Kriterium „Ziel und Aufgaben sind klar und konkret beschrieben“.'
	},
	{
		name: 'review: a level ID the criterion does not have',
		as: 'trainer',
		path: `/trainer/abgaben/${submissionId}?/review`,
		fields: review({ 'bewertung-grenzen': 'sehr-gut' }),
		message:
			'Bitte bewerten Sie das Kriterium „Grenzen der Rolle und mögliche Rollenkonflikte sind benannt“.'
	},
	{
		name: 'review: a 5 kB level value',
		as: 'trainer',
		path: `/trainer/abgaben/${submissionId}?/review`,
		fields: review({ 'bewertung-reflexion': 'x'.repeat(5000) }),
		message: 'Bitte bewerten Sie das Kriterium „Das Gespräch wird nachvollziehbar reflektiert'
	}
];

describe('review by rubric levels: bad ratings change nothing', () => {
	it.each(cases().map((badCase) => [badCase.name] as const))('%s', async (name) => {
		// The cases are built after beforeAll, so the arranged IDs are filled in.
		const current = cases().find((entry) => entry.name === name)!;
		await expectRejected(clients, app.databasePath, current);
	});
});
