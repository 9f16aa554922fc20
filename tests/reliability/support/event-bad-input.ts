import Database from 'better-sqlite3';
import { rowId } from '../../support/arrange';
import type { BadInputCase } from './bad-input';

// The Veranstaltungen's forms: creating and editing an event, registering, cancelling, and the
// organisers' steps, on events of the demo trainer invited to the demo cohort's copy.

export interface EventWorld {
	cohortId: string;
	/** Another cohort of the course, which the demo trainer does not run. */
	foreignCohortId: string;
	/** Published, started yesterday; the demo learner signed up once and cancelled. */
	pastEventId: string;
	/** Published, in a month. */
	futureEventId: string;
}

export function arrangeEvents(
	databasePath: string,
	cohortId: string,
	foreignCohortId: string
): EventWorld {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const idOf = (email: string) =>
			(db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
		const trainer = idOf('trainerin@example.org');
		const learner = idOf('lernende@example.org');
		const now = Date.now();
		const event = (startsAt: number) => {
			const id = rowId();
			db.prepare(
				`insert into events (id, title, description, format, place, starts_at, ends_at, capacity, status, created_by)
				 values (?, 'Vertiefungstreffen', 'Programm', 'praesenz', 'Berlin', ?, ?, 10, 'published', ?)`
			).run(id, startsAt, startsAt + 7 * 3_600_000, trainer);
			db.prepare(
				"insert into event_audience (event_id, kind, target_id) values (?, 'cohort', ?)"
			).run(id, cohortId);
			return id;
		};
		const pastEventId = event(now - 86_400_000);
		const futureEventId = event(now + 30 * 86_400_000);
		db.prepare(
			`insert into event_registrations (id, event_id, user_id, status, registered_at, updated_at)
			 values (?, ?, ?, 'cancelled', ?, ?)`
		).run(rowId(), pastEventId, learner, now - 5 * 86_400_000, now - 4 * 86_400_000);
		return { cohortId, foreignCohortId, pastEventId, futureEventId };
	} finally {
		db.close();
	}
}

/** The calendar day `days` from today. */
const inDays = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const eventCases = (world: EventWorld): BadInputCase[] => {
	// Relative to today: a fixed date would become a start in the past, refused for that alone.
	const valid = {
		title: 'Vertiefungstreffen 2027',
		description: 'Programm',
		format: 'praesenz',
		place: 'Berlin',
		startDay: inDays(60),
		startTime: '09:00',
		endDay: inDays(61),
		endTime: '16:00',
		capacity: '20',
		deadlineDay: '',
		deadlineTime: '',
		[`zielgruppe:cohort:${world.cohortId}`]: 'ja'
	};
	const create = (name: string, fields: Record<string, string>, message: string) => ({
		name: `veranstaltungen: ${name}`,
		as: 'trainer',
		path: '/trainer/veranstaltungen/neu',
		fields,
		message,
		status: 400
	});
	const { [`zielgruppe:cohort:${world.cohortId}`]: _audience, ...noAudience } = valid;
	const manage = `/trainer/veranstaltungen/${world.futureEventId}`;
	return [
		create(
			'an event without a title',
			{ ...valid, title: ' ' },
			'Bitte geben Sie einen Titel mit 3 bis 150 Zeichen ein.'
		),
		create(
			'a description that is too long',
			{ ...valid, description: 'x'.repeat(20_001) },
			'höchstens 20000 Zeichen'
		),
		create('an unknown format', { ...valid, format: 'hybrid' }, 'Bitte wählen Sie „Online“'),
		create(
			'a date that does not exist',
			{ ...valid, startDay: `${inDays(60).slice(0, 4)}-02-30` },
			'Bitte geben Sie Datum (zwischen 2000 und 2099) und Uhrzeit des Beginns an.'
		),
		create(
			'an end before the start',
			{ ...valid, endDay: inDays(59) },
			'Das Ende muss nach dem Beginn liegen.'
		),
		create(
			'no seats',
			{ ...valid, capacity: '0' },
			'Bitte geben Sie die Zahl der Plätze an (1 bis 10000).'
		),
		create(
			'a deadline after the start',
			{ ...valid, deadlineDay: inDays(62), deadlineTime: '12:00' },
			'Der Anmeldeschluss muss ein gültiges Datum vor dem Beginn sein.'
		),
		create(
			'a start in the past',
			{ ...valid, startDay: '2020-01-10', startTime: '10:00', endDay: '2020-01-10' },
			'Der Beginn liegt in der Vergangenheit.'
		),
		create(
			'a registration deadline in the past',
			{ ...valid, deadlineDay: inDays(-1), deadlineTime: '12:00' },
			'Der Anmeldeschluss liegt in der Vergangenheit.'
		),
		create('nobody invited', noAudience, 'Bitte wählen Sie mindestens einen Kurs oder Lehrgang'),
		create(
			'a cohort the trainer does not run',
			{ ...valid, [`zielgruppe:cohort:${world.foreignCohortId}`]: 'ja' },
			'Diese Auswahl steht Ihnen nicht zur Verfügung.'
		),
		{
			name: 'veranstaltungen: editing to a title that is too long',
			as: 'trainer',
			path: `${manage}/bearbeiten`,
			fields: { ...valid, title: 'x'.repeat(151) },
			message: 'Bitte geben Sie einen Titel mit 3 bis 150 Zeichen ein.',
			status: 400
		},
		{
			name: 'veranstaltungen: registering after the start',
			as: 'learner',
			path: `/veranstaltungen/${world.pastEventId}?/anmelden`,
			fields: {},
			message: 'Die Anmeldung ist nicht (mehr) möglich.',
			status: 409
		},
		{
			name: 'veranstaltungen: cancelling a registration one does not have',
			as: 'learner',
			path: `/veranstaltungen/${world.pastEventId}?/abmelden`,
			fields: { bestaetigt: 'ja' },
			message: 'Sie sind nicht angemeldet.',
			status: 409
		},
		{
			name: 'veranstaltungen: attendance before the event starts',
			as: 'trainer',
			path: `${manage}?/anwesenheit`,
			fields: {},
			message: 'Anwesenheit lässt sich erst ab Beginn',
			status: 409
		},
		{
			name: 'veranstaltungen: removing a registration with a malformed person',
			as: 'trainer',
			path: `${manage}?/entfernen`,
			fields: { person: '../x', bestaetigt: 'ja' },
			message: 'Diese Anmeldung kann nicht entfernt werden',
			status: 400
		},
		{
			name: 'veranstaltungen: removing someone who is not signed up',
			as: 'trainer',
			path: `${manage}?/entfernen`,
			fields: { person: 'aaaaaaaaaaaaaaaa', bestaetigt: 'ja' },
			message: 'Diese Anmeldung kann nicht entfernt werden',
			status: 409
		},
		{
			name: 'veranstaltungen: publishing an event that is published',
			as: 'trainer',
			path: `${manage}?/veroeffentlichen`,
			fields: { bestaetigt: 'ja' },
			message: 'bereits veröffentlicht',
			status: 409
		}
	];
};
