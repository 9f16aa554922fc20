import Database from 'better-sqlite3';
import { rowId } from '../../support/arrange';
import type { BadInputCase } from './bad-input';

// Mentoring's forms: the offer, the request, the pair's message and meeting, the staff decision.

export interface MentoringWorld {
	/** A confirmed pair with the demo learner as mentor. */
	pairId: string;
	/** A confirmed pair the demo people do not belong to. */
	foreignPairId: string;
	/** An undecided request of a learner outside the demo trainer's cohorts. */
	requestId: string;
	/** A Hospitation offer, and that learner's undecided application for it. */
	hospitationOfferId: string;
	applicationId: string;
	/** The offer's organisation, and a closed offer of it. */
	organisationId: string;
	closedOfferId: string;
}

export function arrangeMentoring(databasePath: string): MentoringWorld {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const learner = (
			db.prepare('select id from users where email = ?').get('lernende@example.org') as {
				id: string;
			}
		).id;
		const person = (name: string) => {
			const id = rowId();
			db.prepare(
				"insert into users (id, email, name, password_hash, role, email_confirmed_at) values (?, ?, ?, '!', 'learner', ?)"
			).run(id, `${id}@example.org`, name, Date.now());
			return id;
		};
		const mentee = person('Mentee Eins');
		const other = person('Mentee Zwei');
		const pair = (menteeId: string, mentorId: string | null, status: string) => {
			const id = rowId();
			db.prepare(
				"insert into mentoring_pairs (id, mentee_id, mentor_id, message, status) values (?, ?, ?, 'Bitte begleiten', ?)"
			).run(id, menteeId, mentorId, status);
			return id;
		};
		const organisation = rowId();
		db.prepare(
			"insert into hospitation_organisations (id, name, district, address, contact) values (?, 'Amt', 'Mitte', 'Weg 1', 'amt@example.org')"
		).run(organisation);
		const hospitationOfferId = rowId();
		db.prepare(
			"insert into hospitation_offers (id, organisation_id, title, description, places, starts_on, ends_on) values (?, ?, 'Bürgeramt', 'Eine Woche', 1, '2026-07-01', '2026-07-05')"
		).run(hospitationOfferId, organisation);
		const closedOfferId = rowId();
		db.prepare(
			"insert into hospitation_offers (id, organisation_id, title, description, places, starts_on, ends_on, closed_at) values (?, ?, 'Standesamt', 'Zwei Tage', 1, '2026-07-01', '2026-07-02', ?)"
		).run(closedOfferId, organisation, Date.now());
		const applicationId = rowId();
		db.prepare(
			"insert into hospitation_applications (id, offer_id, user_id, motivation) values (?, ?, ?, 'Ich möchte lernen')"
		).run(applicationId, hospitationOfferId, other);
		return {
			hospitationOfferId,
			applicationId,
			organisationId: organisation,
			closedOfferId,
			pairId: pair(mentee, learner, 'confirmed'),
			foreignPairId: pair(other, mentee, 'confirmed'),
			requestId: pair(other, null, 'requested')
		};
	} finally {
		db.close();
	}
}

const NOT_FOUND = 'Seite nicht gefunden';

export const mentoringCases = (world: MentoringWorld): BadInputCase[] => {
	const offer = { topics: 'Jobcenter', languages: 'Deutsch', capacity: '2' };
	const request = { offerId: '', message: 'Ich brauche Begleitung beim Amt.' };
	const pair = `/mentoring/${world.pairId}`;
	const meeting = { metOn: '2026-11-30', topic: 'Erstes Treffen', note: '' };
	return [
		{
			name: 'mentoring: an offer without topics',
			as: 'learner',
			path: '/mentoring?/angebot',
			fields: { ...offer, topics: ' , ;' },
			message: 'Bitte nennen Sie 1 bis 8 Themen',
			status: 400
		},
		{
			name: 'mentoring: an offer with too many languages',
			as: 'learner',
			path: '/mentoring?/angebot',
			fields: { ...offer, languages: 'a,b,c,d,e,f,g,h,i' },
			message: 'Bitte nennen Sie 1 bis 8 Sprachen',
			status: 400
		},
		{
			name: 'mentoring: an offer with a capacity that is no number',
			as: 'learner',
			path: '/mentoring?/angebot',
			fields: { ...offer, capacity: 'viele' },
			message: 'Bitte geben Sie eine ganze Zahl von 1 bis 5 ein.',
			status: 400
		},
		{
			name: 'mentoring: an offer by someone without a certificate',
			as: 'learner',
			path: '/mentoring?/angebot',
			fields: offer,
			message: 'Mentor*in können nur Absolvent*innen',
			status: 403
		},
		{
			name: 'mentoring: a request with a too short message',
			as: 'learner',
			path: '/mentoring?/anfragen',
			fields: { ...request, message: 'Hilfe' },
			message: 'Bitte schreiben Sie mindestens 10 Zeichen.',
			status: 400
		},
		{
			name: 'mentoring: a request for an offer that does not exist',
			as: 'learner',
			path: '/mentoring?/anfragen',
			fields: { ...request, offerId: rowId() },
			message: 'Dieses Angebot ist nicht (mehr) verfügbar.',
			status: 409
		},
		{
			name: 'mentoring: a request by a trainer',
			as: 'trainer',
			path: '/mentoring?/anfragen',
			fields: request,
			message: 'Nur Lernende können ein Mentoring anfragen.',
			status: 403
		},
		{
			name: 'mentoring: an empty message in the pair',
			as: 'learner',
			path: `${pair}?/nachricht`,
			fields: { body: '  \n ' },
			message: 'Bitte schreiben Sie eine Nachricht.',
			status: 400
		},
		{
			name: 'mentoring: a message in a pair of others',
			as: 'learner',
			path: `/mentoring/${world.foreignPairId}?/nachricht`,
			fields: { body: 'Hallo' },
			message: NOT_FOUND,
			status: 404
		},
		{
			name: 'mentoring: a meeting on a day that does not exist',
			as: 'learner',
			path: `${pair}?/treffen`,
			fields: { ...meeting, metOn: '2026-02-30' },
			message: 'Bitte geben Sie ein gültiges Datum zwischen 2000 und 2099 ein.',
			status: 400
		},
		{
			name: 'mentoring: a meeting without a topic',
			as: 'learner',
			path: `${pair}?/treffen`,
			fields: { ...meeting, topic: 'x' },
			message: 'Bitte geben Sie ein Thema mit mindestens 3 Zeichen ein.',
			status: 400
		},
		{
			name: 'mentoring: declining without a reason',
			as: 'admin',
			path: '/mentoring/vermittlung?/ablehnen',
			fields: { pairId: world.requestId, reason: ' ' },
			message: 'Bitte geben Sie eine Begründung mit mindestens 3 Zeichen an.',
			status: 400
		},
		{
			name: 'mentoring: confirming a request of a learner outside the trainer’s cohorts',
			as: 'trainer',
			path: '/mentoring/vermittlung?/bestaetigen',
			fields: { pairId: world.requestId, offerId: '' },
			message: 'Diese Anfrage ist nicht mehr offen.',
			status: 404
		},
		{
			name: 'mentoring: confirming an "any" request without choosing a mentor',
			as: 'admin',
			path: '/mentoring/vermittlung?/bestaetigen',
			fields: { pairId: world.requestId, offerId: '' },
			message: 'Bitte wählen Sie aus, wen Sie als Mentor*in anfragen.',
			status: 400
		}
	];
};

export const hospitationCases = (world: MentoringWorld, assignmentPage: string): BadInputCase[] => {
	const apply = {
		offerId: world.hospitationOfferId,
		motivation: 'Ich möchte das Bürgeramt kennenlernen.'
	};
	const organisation = { name: 'Amt', district: 'Mitte', address: 'Weg 1', contact: 'amt@x.org' };
	const offer = {
		organisationId: rowId(),
		title: 'Bürgeramt',
		description: 'Eine Woche im Amt',
		places: '2',
		startsOn: '2026-07-01',
		endsOn: '2026-07-05'
	};
	return [
		{
			name: 'hospitation: an application with a too short motivation',
			as: 'learner',
			path: '/hospitation?/bewerben',
			fields: { ...apply, motivation: 'Gern' },
			message: 'Bitte schreiben Sie mindestens 20 Zeichen.',
			status: 400
		},
		{
			name: 'hospitation: an application for an unknown offer',
			as: 'learner',
			path: '/hospitation?/bewerben',
			fields: { ...apply, offerId: rowId() },
			message: 'Bitte wählen Sie ein Angebot aus der Liste.',
			status: 400
		},
		{
			name: 'hospitation: an application by a trainer',
			as: 'trainer',
			path: '/hospitation?/bewerben',
			fields: apply,
			message: 'Nur Lernende können sich bewerben.',
			status: 403
		},
		{
			name: 'hospitation: an organisation without a name',
			as: 'admin',
			path: '/admin/hospitation?/organisation',
			fields: { ...organisation, name: ' ' },
			message: 'Bitte geben Sie 2 bis 150 Zeichen ein.',
			status: 400
		},
		{
			name: 'hospitation: an offer that ends before it starts',
			as: 'admin',
			path: '/admin/hospitation?/angebot',
			fields: { ...offer, endsOn: '2026-06-30' },
			message: 'Das Ende darf nicht vor dem Beginn liegen.',
			status: 400
		},
		{
			name: 'hospitation: an offer without places',
			as: 'admin',
			path: '/admin/hospitation?/angebot',
			fields: { ...offer, places: '0' },
			message: 'Bitte geben Sie eine ganze Zahl von 1 bis 20 ein.',
			status: 400
		},
		{
			name: 'hospitation: an offer of an unknown organisation',
			as: 'admin',
			path: '/admin/hospitation?/angebot',
			fields: offer,
			message: 'Bitte wählen Sie eine Organisation aus der Liste.',
			status: 400
		},
		{
			name: 'hospitation: an application for a closed offer',
			as: 'learner',
			path: '/hospitation?/bewerben',
			fields: { ...apply, offerId: world.closedOfferId },
			message: 'Dieses Angebot ist geschlossen',
			status: 409
		},
		{
			name: 'hospitation: editing an offer to end before it starts',
			as: 'admin',
			path: `/admin/hospitation/angebote/${world.hospitationOfferId}?/speichern`,
			fields: { ...offer, organisationId: world.organisationId, endsOn: '2026-06-30' },
			message: 'Das Ende darf nicht vor dem Beginn liegen.',
			status: 400
		},
		{
			name: 'hospitation: moving an offer to an unknown organisation',
			as: 'admin',
			path: `/admin/hospitation/angebote/${world.hospitationOfferId}?/speichern`,
			fields: offer,
			message: 'Bitte wählen Sie eine Organisation aus der Liste.',
			status: 400
		},
		{
			name: 'hospitation: closing an offer that is closed',
			as: 'admin',
			path: `/admin/hospitation/angebote/${world.closedOfferId}?/schliessen`,
			fields: { bestaetigt: 'ja' },
			message: 'Das Angebot hat diesen Stand schon.',
			status: 409
		},
		{
			name: 'hospitation: reopening an offer that is open',
			as: 'admin',
			path: `/admin/hospitation/angebote/${world.hospitationOfferId}?/oeffnen`,
			fields: {},
			message: 'Das Angebot hat diesen Stand schon.',
			status: 409
		},
		{
			name: 'hospitation: editing an organisation to have no name',
			as: 'admin',
			path: `/admin/hospitation/organisationen/${world.organisationId}?/speichern`,
			fields: { ...organisation, name: '' },
			message: 'Bitte geben Sie 2 bis 150 Zeichen ein.',
			status: 400
		},
		{
			name: 'hospitation: deleting an organisation whose offer has applications',
			as: 'admin',
			path: `/admin/hospitation/organisationen/${world.organisationId}?/loeschen`,
			fields: { bestaetigt: 'ja' },
			message: 'Diese Organisation kann nicht gelöscht werden',
			status: 409
		},
		{
			name: 'hospitation: declining an application without a reason',
			as: 'admin',
			path: '/hospitation/bewerbungen?/ablehnen',
			fields: { applicationId: world.applicationId, reason: '' },
			message: 'Bitte geben Sie eine Begründung mit mindestens 3 Zeichen an.',
			status: 400
		},
		{
			name: 'hospitation: accepting an application of a learner outside the trainer’s cohorts',
			as: 'trainer',
			path: '/hospitation/bewerbungen?/annehmen',
			fields: { applicationId: world.applicationId },
			message: 'Diese Bewerbung ist nicht mehr offen.',
			status: 404
		},
		{
			name: 'hospitation: a submission linked to someone else’s application',
			as: 'learner',
			path: `${assignmentPage}?/save`,
			fields: { text: 'Mein Bericht', hospitationId: world.applicationId },
			message: 'Bitte wählen Sie eine Ihrer angenommenen Hospitationen.',
			status: 400
		}
	];
};
