import Database from 'better-sqlite3';
import { rowId } from '../../support/arrange';
import type { BadInputCase } from './bad-input';

// The kollegiale Fallberatung's forms: starting one, steering phases, changing roles, and a
// reply outside one's phase. The demo learner gives the case, the demo trainer moderates.

export interface CaseWorld {
	cohortId: string;
	/** In phase 5 (Beratung): the Fallgeber*in listens. */
	threadId: string;
	learnerId: string;
}

export function arrangeCaseConsultation(databasePath: string, cohortId: string): CaseWorld {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const idOf = (email: string) =>
			(db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
		const learnerId = idOf('lernende@example.org');
		const trainer = idOf('trainerin@example.org');
		const now = Date.now();
		const threadId = rowId();
		db.prepare(
			'insert into discussion_threads (id, cohort_id, title, author_id, last_post_at) values (?, ?, ?, ?, ?)'
		).run(threadId, cohortId, 'Fallberatung', trainer, now);
		db.prepare(
			'insert into discussion_posts (id, thread_id, author_id, body) values (?, ?, ?, ?)'
		).run(rowId(), threadId, trainer, 'Willkommen');
		db.prepare(
			'insert into case_consultations (thread_id, case_giver_id, moderator_id, phase, phase_changed_at) values (?, ?, ?, 5, ?)'
		).run(threadId, learnerId, trainer, now);
		return { cohortId, threadId, learnerId };
	} finally {
		db.close();
	}
}

export const caseConsultationCases = (world: CaseWorld): BadInputCase[] => {
	const start = `/austausch/${world.cohortId}/fallberatung`;
	const thread = `/austausch/${world.cohortId}/${world.threadId}`;
	const valid = {
		title: 'Fallberatung: Ein Konflikt',
		body: 'Willkommen',
		caseGiverId: world.learnerId,
		moderatorId: rowId()
	};
	return [
		{
			name: 'fallberatung: without a title',
			as: 'trainer',
			path: start,
			fields: { ...valid, title: ' ' },
			message: 'Bitte geben Sie einen Titel mit mindestens 3 Zeichen ein.',
			status: 400
		},
		{
			name: 'fallberatung: a Fallgeber*in from outside the cohort',
			as: 'trainer',
			path: start,
			fields: { ...valid, caseGiverId: rowId() },
			message: 'Bitte wählen Sie eine Person aus dem Lehrgang als Fallgeber*in.',
			status: 400
		},
		{
			name: 'fallberatung: no Moderation chosen',
			as: 'trainer',
			path: start,
			fields: { ...valid, moderatorId: '' },
			message:
				'Bitte wählen Sie für die Moderation eine Person aus dem Lehrgang oder aus der Kursleitung.',
			status: 400
		},
		{
			name: 'fallberatung: the same person gives the case and moderates',
			as: 'trainer',
			path: start,
			fields: { ...valid, moderatorId: world.learnerId },
			message: 'Fallgeber*in und Moderation müssen verschiedene Personen sein.',
			status: 400
		},
		{
			name: 'fallberatung: a learner starting one',
			as: 'learner',
			path: start,
			fields: valid,
			message: 'Kein Zugriff',
			status: 403
		},
		{
			name: 'fallberatung: the Fallgeber*in writing while the Berater*innen advise',
			as: 'learner',
			path: `${thread}?/antworten`,
			fields: { body: 'Darf ich schon?' },
			message: 'In der Phase „Beratung“ schreiben nur: Moderation, Berater*innen, Trainer*innen.',
			status: 409
		},
		{
			name: 'fallberatung: an unknown phase step',
			as: 'trainer',
			path: `${thread}?/phase`,
			fields: { schritt: 'springen' },
			message: 'Bitte nutzen Sie die Schaltflächen',
			status: 400
		},
		{
			name: 'fallberatung: roles for people outside the cohort',
			as: 'trainer',
			path: `${thread}?/rollen`,
			fields: { caseGiverId: rowId(), moderatorId: world.learnerId },
			message: 'Bitte wählen Sie eine Person aus dem Lehrgang als Fallgeber*in.',
			status: 400
		}
	];
};
