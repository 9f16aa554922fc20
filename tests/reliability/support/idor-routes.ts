import { ASSIGNMENT, IKBO, type IdorWorld } from './arrange-idor';
import {
	ALUMNI_ATTACHMENT,
	ALUMNI_THREAD,
	CASE_THREAD,
	COHORT_ATTACHMENT,
	COHORT_THREAD,
	HOSPITATION_OFFER,
	HOSPITATION_ORGANISATION,
	MENTORING_PAIR,
	SHARED_TEXT,
	SHARED_THREAD
} from './arrange-idor-community';

export type Actor =
	| 'anonymous'
	| 'owner'
	| 'otherLearner'
	| 'cohortTrainer'
	| 'otherTrainer'
	| 'courseStranger'
	| 'admin';

/**
 * `status`: what an allowed visitor gets (default 200; a submitted attempt redirects to its result).
 * `secret`: text of the resource that a refused visitor must not get to see. `byName`: a route
 * addressed by course and file names rather than a record ID, listed because it guards a secret.
 */
export interface IdorRoute {
	path: string;
	allowed: Actor[];
	status?: number;
	secret?: string;
	byName?: boolean;
}

/** The Austausch, alumni, event, mentoring and Hospitation routes of the owner's world. */
export function communityRoutes(world: IdorWorld, eventId: string): IdorRoute[] {
	const trainers: Actor[] = ['cohortTrainer', 'admin'];
	return [
		// The cohort's Austausch: its learners, its trainers and admins; reports: moderators.
		...[
			`/austausch/${world.cohortA}`,
			// The search is part of the list's load: the same guard, the hit's excerpt shown.
			`/austausch/${world.cohortA}?suche=vertraulich`,
			`/austausch/${world.cohortA}/neu`,
			`/austausch/${world.cohortA}/${COHORT_THREAD}`,
			`/austausch/${world.cohortA}/${CASE_THREAD}`
		].map((path) => ({
			path,
			allowed: ['owner', 'cohortTrainer', 'admin'] as Actor[],
			secret: 'Vertraulicher Austausch'
		})),
		{ path: `/austausch/${world.cohortA}/meldungen`, allowed: trainers },
		// A post's file: whoever may read the post's space, cohort or alumni network.
		{
			path: `/austausch/dateien/${COHORT_ATTACHMENT}`,
			allowed: ['owner', 'cohortTrainer', 'admin'],
			secret: 'Vertraulicher Anhang'
		},
		{
			path: `/austausch/dateien/${ALUMNI_ATTACHMENT}`,
			allowed: ['owner', 'cohortTrainer', 'otherTrainer', 'admin'],
			secret: 'Vertraulicher Anhang'
		},
		{ path: `/austausch/${world.cohortA}/fallberatung`, allowed: trainers },
		// A shared Praxisaufgabe and its withdrawal step: the cohort's people (the author and the
		// moderators may withdraw; other members get the 404 too); sharing: the learner alone.
		...[
			`/austausch/${world.cohortA}/${SHARED_THREAD}`,
			`/austausch/${world.cohortA}/${SHARED_THREAD}/freigabe`
		].map((path) => ({
			path,
			allowed: ['owner', 'cohortTrainer', 'admin'] as Actor[],
			secret: SHARED_TEXT
		})),
		// Addressed by name: every learner of the course gets the page for their own submission.
		{ path: `/aufgaben/${ASSIGNMENT}/teilen`, allowed: ['owner', 'otherLearner'], byName: true },
		// A course's alumni network: its alumni (the certified owner), the trainers of any of
		// its cohorts and admins; not a learner of the course without a certificate.
		...[
			{ path: `/alumni/${IKBO}`, secret: 'Verborgene Alumni-Organisation', byName: true },
			{ path: `/alumni/${IKBO}/austausch`, secret: 'Alumni-Treffen', byName: true },
			{ path: `/alumni/${IKBO}/austausch/neu`, byName: true },
			{ path: `/alumni/${IKBO}/austausch/${ALUMNI_THREAD}`, secret: 'Alumni-Austausch' }
		].map((row) => ({
			...row,
			allowed: ['owner', 'cohortTrainer', 'otherTrainer', 'admin'] as Actor[]
		})),
		{
			path: `/alumni/${IKBO}/austausch/meldungen`,
			allowed: ['cohortTrainer', 'otherTrainer', 'admin'],
			byName: true
		},
		// An event: its invitees (the certified owner), its organiser (the demo trainer created
		// it) and admins; the ICS for those with a seat and organisers, the PDF for its holder.
		{
			path: `/veranstaltungen/${eventId}`,
			allowed: ['owner', 'cohortTrainer', 'admin'],
			secret: 'Geheimes Programm'
		},
		{
			path: `/veranstaltungen/${eventId}/kalender.ics`,
			allowed: ['owner', 'cohortTrainer', 'admin'],
			secret: 'Geheimes Programm'
		},
		{ path: `/veranstaltungen/${eventId}/bestaetigung.pdf`, allowed: ['owner'], secret: '%PDF' },
		...['', '/bearbeiten', '/teilnehmende.csv'].map((tail) => ({
			path: `/trainer/veranstaltungen/${eventId}${tail}`,
			allowed: trainers,
			secret: 'Geheimes Programm'
		})),
		// A mentoring pair's thread: its mentee and mentor only, not even admins.
		{
			path: `/mentoring/${MENTORING_PAIR}`,
			allowed: ['owner', 'otherLearner'],
			secret: 'Vertrauliche Mentoring-Nachricht'
		},
		// Every trainer opens the matching page; each sees only their own cohorts' requests.
		{
			path: '/mentoring/vermittlung',
			allowed: ['cohortTrainer', 'otherTrainer', 'courseStranger', 'admin'],
			byName: true
		},
		{
			path: '/hospitation/bewerbungen',
			allowed: ['cohortTrainer', 'otherTrainer', 'courseStranger', 'admin'],
			byName: true
		},
		{ path: '/admin/hospitation', allowed: ['admin'], byName: true },
		{ path: `/admin/hospitation/angebote/${HOSPITATION_OFFER}`, allowed: ['admin'] },
		{
			path: `/admin/hospitation/organisationen/${HOSPITATION_ORGANISATION}`,
			allowed: ['admin'],
			secret: 'Interne Durchwahl 4711'
		}
	];
}
