import Database from 'better-sqlite3';
import { rowId } from '../../support/arrange';
import type { BadInputCase } from './bad-input';

// The Austausch's forms: threads, replies, reports and moderation in the demo cohort's copy.

export interface DiscussionWorld {
	cohortId: string;
	/** Started by the demo learner, with a reply by the demo trainer. */
	threadId: string;
	learnerPostId: string;
	trainerPostId: string;
	lockedThreadId: string;
	/** The demo learner's post in the locked thread. */
	lockedPostId: string;
	/** A thread of a cohort the demo people do not belong to. */
	foreignThreadId: string;
	foreignCohortId: string;
}

export function arrangeDiscussions(databasePath: string, cohortId: string): DiscussionWorld {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const idOf = (email: string) =>
			(db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
		const learner = idOf('lernende@example.org');
		const trainer = idOf('trainerin@example.org');
		const now = Date.now();
		const thread = (cohort: string, locked = false) => {
			const id = rowId();
			db.prepare(
				'insert into discussion_threads (id, cohort_id, title, author_id, locked_at, last_post_at) values (?, ?, ?, ?, ?, ?)'
			).run(id, cohort, 'Eine Frage', learner, locked ? now : null, now);
			return id;
		};
		const post = (threadId: string, authorId: string) => {
			const id = rowId();
			db.prepare(
				'insert into discussion_posts (id, thread_id, author_id, body) values (?, ?, ?, ?)'
			).run(id, threadId, authorId, 'Ein Beitrag');
			return id;
		};
		const foreignCohort = rowId();
		db.prepare(
			'insert into cohorts (id, course_id, name, created_by, created_at) values (?, ?, ?, ?, ?)'
		).run(foreignCohort, 'probe-ikbo', 'Fremder Lehrgang', trainer, now);
		const threadId = thread(cohortId);
		const lockedThreadId = thread(cohortId, true);
		const foreignThreadId = thread(foreignCohort);
		post(foreignThreadId, learner);
		const lockedPostId = post(lockedThreadId, learner);
		return {
			cohortId,
			threadId,
			learnerPostId: post(threadId, learner),
			trainerPostId: post(threadId, trainer),
			lockedThreadId,
			lockedPostId,
			foreignThreadId,
			foreignCohortId: foreignCohort
		};
	} finally {
		db.close();
	}
}

const NOT_FOUND = 'Seite nicht gefunden';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** A multipart post form as the browser sends it: the text fields and the chosen files. */
function withFiles(fields: Record<string, string>, files: [string, Uint8Array][]): () => FormData {
	return () => {
		const form = new FormData();
		for (const [name, value] of Object.entries(fields)) form.set(name, value);
		for (const [name, bytes] of files) form.append('dateien', new File([bytes.slice()], name));
		return form;
	};
}

export const discussionCases = (world: DiscussionWorld): BadInputCase[] => {
	const board = `/austausch/${world.cohortId}`;
	const thread = `${board}/${world.threadId}`;
	const valid = { title: 'Eine gute Frage', body: 'Text', moduleId: '', itemId: '' };
	return [
		{
			name: 'austausch: a thread without a title',
			as: 'learner',
			path: `${board}/neu`,
			fields: { ...valid, title: '  ' },
			message: 'Bitte geben Sie einen Titel mit mindestens 3 Zeichen ein.',
			status: 400
		},
		{
			name: 'austausch: a thread title that is too long',
			as: 'learner',
			path: `${board}/neu`,
			fields: { ...valid, title: 'x'.repeat(151) },
			message: 'höchstens 150 Zeichen',
			status: 400
		},
		{
			name: 'austausch: a thread without text',
			as: 'learner',
			path: `${board}/neu`,
			fields: { ...valid, body: '' },
			message: 'Bitte schreiben Sie einen Beitrag.',
			status: 400
		},
		{
			name: 'austausch: a post that is too long',
			as: 'learner',
			path: `${board}/neu`,
			fields: { ...valid, body: 'x'.repeat(20_001) },
			message: 'höchstens 20000 Zeichen',
			status: 400
		},
		{
			name: 'austausch: a section of another course',
			as: 'learner',
			path: `${board}/neu`,
			fields: { ...valid, moduleId: 'probe-verwaltung/berliner-verwaltung' },
			message: 'Bitte wählen Sie einen Bereich aus der Liste.',
			status: 400
		},
		{
			name: 'austausch: an unknown lesson',
			as: 'learner',
			path: `${board}/neu`,
			fields: { ...valid, itemId: 'probe-ikbo/gibt-es/nicht' },
			message: 'Bitte wählen Sie eine Lektion oder Praxisaufgabe aus der Liste.',
			status: 400
		},
		{
			name: 'austausch: a thread in an unknown cohort',
			as: 'learner',
			path: `/austausch/${rowId()}/neu`,
			fields: valid,
			message: NOT_FOUND,
			status: 404
		},
		{
			name: 'austausch: a thread with a program posing as a PDF',
			as: 'learner',
			path: `${board}/neu`,
			fields: withFiles(valid, [['rechnung.pdf', new TextEncoder().encode('MZ\x90\x00')]]),
			message: 'Der Inhalt der Datei „rechnung.pdf“ passt nicht zur Dateiendung.',
			status: 400
		},
		{
			name: 'austausch: a thread with a file type that is not allowed',
			as: 'learner',
			path: `${board}/neu`,
			fields: withFiles(valid, [['seite.html', PDF]]),
			message: 'Dieser Dateityp ist hier nicht erlaubt.',
			status: 400
		},
		{
			name: 'austausch: a reply with four files',
			as: 'learner',
			path: `${thread}?/antworten`,
			fields: withFiles(
				{ body: 'Vier Anhänge' },
				['a', 'b', 'c', 'd'].map((name) => [`${name}.pdf`, PDF])
			),
			message: 'Sie können höchstens 3 Dateien an einen Beitrag anhängen.',
			status: 400
		},
		{
			name: 'austausch: a reply with an empty file',
			as: 'learner',
			path: `${thread}?/antworten`,
			fields: withFiles({ body: 'Leer' }, [['leer.pdf', new Uint8Array()]]),
			message: 'Die Datei „leer.pdf“ ist leer',
			status: 400
		},
		{
			name: 'austausch: a reply whose files are over 10 MB together',
			as: 'learner',
			path: `${thread}?/antworten`,
			fields: withFiles({ body: 'Groß' }, [
				['a.pdf', new Uint8Array(6 * 1024 * 1024)],
				['b.pdf', new Uint8Array(6 * 1024 * 1024)]
			]),
			message: 'Die Dateien sind zusammen zu groß.',
			status: 413
		},
		{
			name: 'austausch: a reply over 10 MB keeps its text in the form without JavaScript',
			as: 'learner',
			path: `${thread}?/antworten`,
			fields: withFiles({ body: 'Mein Beitrag bleibt stehen' }, [
				['a.pdf', new Uint8Array(11 * 1024 * 1024)]
			]),
			message: 'Mein Beitrag bleibt stehen',
			status: 413
		},
		{
			name: 'austausch: a new thread over 10 MB keeps title and text',
			as: 'learner',
			path: `${board}/neu`,
			fields: withFiles({ ...valid, title: 'Meine bewahrte Frage' }, [
				['a.pdf', new Uint8Array(11 * 1024 * 1024)]
			]),
			message: 'value="Meine bewahrte Frage"',
			status: 413
		},
		{
			name: 'austausch: a reply without text but with a file',
			as: 'learner',
			path: `${thread}?/antworten`,
			fields: withFiles({ body: '' }, [['plan.pdf', PDF]]),
			message: 'Bitte schreiben Sie einen Beitrag.',
			status: 400
		},
		{
			name: 'austausch: a file for a reply to a locked thread',
			as: 'learner',
			path: `${board}/${world.lockedThreadId}?/antworten`,
			fields: withFiles({ body: 'Mit Anhang' }, [['plan.pdf', PDF]]),
			message: 'Das Thema ist gesperrt',
			status: 409
		},
		{
			name: 'austausch: an empty reply',
			as: 'learner',
			path: `${thread}?/antworten`,
			fields: { body: ' \n ' },
			message: 'Bitte schreiben Sie einen Beitrag.',
			status: 400
		},
		{
			name: 'austausch: a reply to a locked thread',
			as: 'learner',
			path: `${board}/${world.lockedThreadId}?/antworten`,
			fields: { body: 'Noch eine Antwort' },
			message: 'Das Thema ist gesperrt',
			status: 409
		},
		{
			name: 'austausch: a reply to another cohort’s thread (same cohort in the URL)',
			as: 'learner',
			path: `${board}/${world.foreignThreadId}?/antworten`,
			fields: { body: 'Hallo' },
			message: NOT_FOUND,
			status: 404
		},
		{
			name: 'austausch: a reply to an unknown thread',
			as: 'learner',
			path: `${board}/${rowId()}?/antworten`,
			fields: { body: 'Hallo' },
			message: NOT_FOUND,
			status: 404
		},
		{
			name: 'austausch: a report without a reason',
			as: 'learner',
			path: `${thread}?/melden`,
			fields: { postId: world.trainerPostId, reason: ' ', schritt: 'melden' },
			message: 'Bitte nennen Sie einen Grund (mindestens 3 Zeichen).',
			status: 400
		},
		{
			name: 'austausch: a report about a post of another thread',
			as: 'learner',
			path: `${thread}?/melden`,
			fields: { postId: rowId(), reason: 'Werbung', schritt: 'melden' },
			message: 'Diesen Beitrag gibt es in diesem Thema nicht (mehr).',
			status: 404
		},
		{
			name: 'austausch: a report about one’s own post',
			as: 'learner',
			path: `${thread}?/melden`,
			fields: { postId: world.learnerPostId, reason: 'Werbung' },
			message: 'Eigene Beiträge können Sie nicht melden.',
			status: 409
		},
		{
			name: 'austausch: editing one’s post to nothing',
			as: 'learner',
			path: `${thread}?/bearbeiten`,
			fields: { postId: world.learnerPostId, body: '  ' },
			message: 'Bitte schreiben Sie einen Beitrag.',
			status: 400
		},
		{
			name: 'austausch: a trainer editing a learner’s post',
			as: 'trainer',
			path: `${thread}?/bearbeiten`,
			fields: { postId: world.learnerPostId, body: 'Umgeschrieben' },
			message: 'Nur wer den Beitrag geschrieben hat, kann ihn ändern oder löschen.',
			status: 403
		},
		{
			name: 'austausch: editing a post in a locked thread',
			as: 'learner',
			path: `${board}/${world.lockedThreadId}?/bearbeiten`,
			fields: { postId: world.lockedPostId, body: 'Nachträglich' },
			message: 'Das Thema ist gesperrt; Beiträge lassen sich nicht mehr ändern.',
			status: 409
		},
		{
			name: 'austausch: editing a post of another thread',
			as: 'learner',
			path: `${thread}?/bearbeiten`,
			fields: { postId: world.lockedPostId, body: 'Anderswo' },
			message: 'Diesen Beitrag gibt es in diesem Thema nicht (mehr).',
			status: 404
		},
		{
			name: 'austausch: a learner deleting the trainer’s post, even when confirmed',
			as: 'learner',
			path: `${thread}?/loeschen`,
			fields: { postId: world.trainerPostId, bestaetigt: 'ja' },
			message: 'Nur wer den Beitrag geschrieben hat, kann ihn ändern oder löschen.',
			status: 403
		},
		{
			name: 'austausch: a learner hiding a post',
			as: 'learner',
			path: `${thread}?/ausblenden`,
			fields: { postId: world.trainerPostId, reason: 'Gefällt mir nicht' },
			message: 'Kein Zugriff',
			status: 403
		},
		{
			name: 'austausch: hiding without a reason',
			as: 'trainer',
			path: `${thread}?/ausblenden`,
			fields: { postId: world.learnerPostId, reason: '', schritt: 'ausblenden' },
			message: 'Bitte nennen Sie einen Grund',
			status: 400
		},
		{
			name: 'austausch: moving to a section of another course',
			as: 'trainer',
			path: `${thread}?/verschieben`,
			fields: { moduleId: 'probe-verwaltung/berliner-verwaltung' },
			message: 'Bitte wählen Sie einen Bereich aus der Liste.',
			status: 400
		},
		{
			name: 'austausch: settling an unknown report',
			as: 'trainer',
			path: `${board}/meldungen?/erledigt`,
			fields: { reportId: rowId() },
			message: 'Diesen Beitrag gibt es in diesem Thema nicht (mehr).',
			status: 404
		},
		{
			name: 'austausch: a learner opening the reports',
			as: 'learner',
			path: `${board}/meldungen`,
			fields: {},
			method: 'GET',
			message: 'Kein Zugriff',
			status: 403
		},
		{
			name: 'austausch: a search in an unknown cohort',
			as: 'learner',
			path: `/austausch/${rowId()}?suche=Frage`,
			fields: {},
			method: 'GET',
			message: NOT_FOUND,
			status: 404
		},
		{
			name: 'austausch: a search in another cohort',
			as: 'learner',
			path: `/austausch/${world.foreignCohortId}?suche=Frage`,
			fields: {},
			method: 'GET',
			message: NOT_FOUND,
			status: 404
		}
	];
};
