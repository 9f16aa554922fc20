import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE, person, twoCohorts } from '$test/unit/assignment-helpers';
import { useTemporaryKeyDir } from '$test/unit/certificates';
import type { SessionUser } from '../auth/session';
import { leaveNetwork, rejoinNetwork } from '../alumni/membership';
import { issueCertificate } from '../certificates/issue';
import { enrol } from '../cohorts/enrolment';
import { getDb, schema } from '../db';
import { eraseAccount } from '../privacy';
import { collectPersonalData } from '../privacy/export-data';
import {
	addMeeting,
	addPairMessage,
	confirmPairing,
	declinePairing,
	endPairing,
	getPairFor,
	isAlumnus,
	listMeetings,
	listMessages,
	listOffers,
	listOpenRequests,
	offerSchema,
	requestMentor,
	saveOffer,
	withdrawRequest
} from '.';
import { canMove, hasRoom, parseList } from './state';

let people: Awaited<ReturnType<typeof twoCohorts>>;
/** A second learner of trainer 1's cohort. */
let learnerC: SessionUser;
let offerId = '';

const notices = (userId: string) =>
	getDb()
		.select({ kind: schema.notifications.kind, data: schema.notifications.data })
		.from(schema.notifications)
		.where(
			and(
				eq(schema.notifications.userId, userId),
				eq(schema.notifications.kind, 'mentoring_update')
			)
		)
		.all();
const statusOf = (pairId: string) =>
	getDb()
		.select({ status: schema.mentoringPairs.status })
		.from(schema.mentoringPairs)
		.where(eq(schema.mentoringPairs.id, pairId))
		.get()?.status;
const offer = {
	topics: ['Jobcenter', 'Wohnen'],
	languages: ['Deutsch', 'Türkisch'],
	paused: false
};

beforeAll(async () => {
	people = await twoCohorts();
	useTemporaryKeyDir();
	learnerC = await person('c@x.org', 'learner');
	enrol(learnerC.id, COURSE, 'cohort1');
});

describe('mentoring rules (pure)', () => {
	it('reads a comma list without empty entries and repeats', () => {
		expect(parseList(' Jobcenter, wohnen;; Wohnen ,\n Recht ')).toEqual([
			'Jobcenter',
			'wohnen',
			'Recht'
		]);
	});
	it('moves a request only to confirmed, declined or withdrawn, and a pair only to ended', () => {
		expect(canMove('requested', 'confirmed')).toBe(true);
		expect(canMove('requested', 'ended')).toBe(false);
		expect(canMove('confirmed', 'declined')).toBe(false);
		expect(canMove('declined', 'confirmed')).toBe(false);
		expect(canMove('confirmed', 'ended')).toBe(true);
		expect(hasRoom(1, 2)).toBe(true);
		expect(hasRoom(2, 2)).toBe(false);
	});
	it('refuses an offer without topics or with a capacity out of range', () => {
		const schema = offerSchema();
		expect(schema.safeParse({ topics: ' , ', languages: 'Deutsch', capacity: '1' }).success).toBe(
			false
		);
		expect(schema.safeParse({ topics: 'A', languages: 'Deutsch', capacity: '0' }).success).toBe(
			false
		);
		expect(schema.safeParse({ topics: 'A', languages: 'Deutsch', capacity: '2' }).data).toEqual({
			topics: ['A'],
			languages: ['Deutsch'],
			capacity: 2,
			paused: false
		});
	});
});

describe('mentor offers', () => {
	it('only alumni (a valid certificate) may offer; learners find the offer by topic and language', () => {
		const { learnerA, learnerB } = people;
		expect(saveOffer(learnerB.id, { ...offer, capacity: 1 })).toEqual({
			ok: false,
			reason: 'not_alumnus'
		});
		issueCertificate(learnerB.id, COURSE);
		expect(isAlumnus(learnerB.id)).toBe(true);
		// Leaving the course's alumni network ends being an alumna for mentoring too.
		leaveNetwork(learnerB.id, COURSE);
		expect(isAlumnus(learnerB.id)).toBe(false);
		rejoinNetwork(learnerB.id, COURSE);
		expect(saveOffer(learnerB.id, { ...offer, capacity: 1 })).toEqual({ ok: true });
		const listed = listOffers(learnerA.id);
		expect(listed.offers.map((o) => [o.mentorName, o.freePlaces])).toEqual([['b', 1]]);
		expect(listed.facets.languages).toEqual(['Deutsch', 'Türkisch']);
		offerId = listed.offers[0]!.id;
		expect(listOffers(learnerA.id, { topic: 'jobcenter' }).offers).toHaveLength(1);
		expect(listOffers(learnerA.id, { language: 'Arabisch' }).offers).toHaveLength(0);
		// not their own, and not while paused
		expect(listOffers(learnerB.id).offers).toHaveLength(0);
		saveOffer(learnerB.id, { ...offer, capacity: 1, paused: true });
		expect(listOffers(learnerA.id).offers).toHaveLength(0);
		saveOffer(learnerB.id, { ...offer, capacity: 1 });
	});
});

describe('a mentor pairing', () => {
	let pairId = '';

	it('a learner asks; only the trainers of the learner’s cohort and admins may decide', () => {
		const { learnerA, trainer1, trainer2, admin } = people;
		const request = requestMentor(learnerA, offerId, 'Ich brauche Hilfe beim Jobcenter.');
		expect(request.ok).toBe(true);
		pairId = request.ok ? request.pairId : '';
		expect(requestMentor(learnerA, null, 'Noch eine Anfrage bitte')).toEqual({
			ok: false,
			reason: 'open_exists'
		});
		expect(requestMentor(trainer1, null, 'Als Trainerin anfragen')).toEqual({
			ok: false,
			reason: 'not_learner'
		});
		expect(listOpenRequests(trainer2)).toEqual([]);
		expect(listOpenRequests(trainer1).map((r) => r.id)).toEqual([pairId]);
		expect(listOpenRequests(admin).map((r) => r.id)).toEqual([pairId]);
		expect(confirmPairing(trainer2, pairId, null)).toEqual({ ok: false, reason: 'not_found' });
		expect(statusOf(pairId)).toBe('requested');
		// before confirmation there is no pair page
		expect(getPairFor(learnerA, pairId)).toBeUndefined();
	});

	it('confirmation pairs them, is audited and tells both; the thread is theirs alone', () => {
		const { learnerA, learnerB, trainer1, admin } = people;
		expect(confirmPairing(trainer1, pairId, null)).toEqual({ ok: true });
		expect(confirmPairing(trainer1, pairId, null)).toEqual({ ok: false, reason: 'not_open' });
		const audit = getDb()
			.select()
			.from(schema.auditLog)
			.where(eq(schema.auditLog.action, 'mentoring.confirmed'))
			.all();
		expect(audit).toMatchObject([
			{ actorId: trainer1.id, objectId: pairId, subjectUserId: learnerA.id }
		]);
		expect(notices(learnerA.id).map((n) => n.data.mentoringEvent)).toEqual(['confirmed']);
		expect(notices(learnerB.id).map((n) => n.data.learnerName)).toEqual(['a']);
		const pairOfA = getPairFor(learnerA, pairId)!;
		expect(pairOfA.mentorId).toBe(learnerB.id);
		expect(getPairFor(learnerB, pairId)).toBeDefined();
		expect(getPairFor(trainer1, pairId)).toBeUndefined();
		expect(getPairFor(admin, pairId)).toBeUndefined();

		expect(addPairMessage(learnerA, pairOfA, 'Hallo **Selin**<script>x</script>')).not.toBeNull();
		const pairOfB = getPairFor(learnerB, pairId)!;
		addMeeting(learnerB, pairOfB, { metOn: '2026-11-30', topic: 'Erstes Treffen', note: '' });
		const { messages } = listMessages(pairId);
		expect(messages).toHaveLength(1);
		expect(messages[0]!.html).toContain('<strong>Selin</strong>');
		expect(messages[0]!.html).not.toContain('<script');
		expect(listMeetings(pairId).map((m) => m.topic)).toEqual(['Erstes Treffen']);
		expect(notices(learnerB.id).map((n) => n.data.mentoringEvent)).toEqual([
			'confirmed',
			'message'
		]);
		expect(notices(learnerA.id).map((n) => n.data.mentoringEvent)).toContain('meeting');
	});

	it('capacity is enforced at confirmation; an "any" request needs a chosen offer', () => {
		const { trainer1 } = people;
		const request = requestMentor(learnerC, null, 'Wer kann mir helfen?');
		const anyId = request.ok ? request.pairId : '';
		expect(confirmPairing(trainer1, anyId, null)).toEqual({ ok: false, reason: 'choose_offer' });
		expect(confirmPairing(trainer1, anyId, offerId)).toEqual({ ok: false, reason: 'full' });
		expect(statusOf(anyId)).toBe('requested');
		expect(listOffers(learnerC.id).offers[0]!.freePlaces).toBe(0);
		expect(withdrawRequest(people.learnerA, anyId)).toBe(false);
		expect(withdrawRequest(learnerC, anyId)).toBe(true);
		expect(statusOf(anyId)).toBe('withdrawn');
	});

	it('declining needs an open request, keeps the reason and tells the learner', () => {
		const { admin } = people;
		const request = requestMentor(learnerC, offerId, 'Bitte um Begleitung');
		const id = request.ok ? request.pairId : '';
		expect(declinePairing(admin, id, 'Keine Kapazität')).toEqual({ ok: true });
		expect(declinePairing(admin, id, 'Nochmal')).toEqual({ ok: false, reason: 'not_open' });
		expect(notices(learnerC.id).map((n) => n.data.mentoringEvent)).toEqual(['declined']);
	});

	it('an ended pair takes no more messages but stays readable', () => {
		const { learnerA } = people;
		const pair = getPairFor(learnerA, pairId)!;
		expect(endPairing(pair)).toBe(true);
		const ended = getPairFor(learnerA, pairId)!;
		expect(ended.status).toBe('ended');
		expect(addPairMessage(learnerA, ended, 'Noch da?')).toBeNull();
		expect(listMessages(pairId).messages).toHaveLength(1);
	});

	it('deleting the mentee keeps the pair for the mentor, anonymised; their requests go', async () => {
		const { learnerB, admin } = people;
		const request = requestMentor(learnerC, offerId, 'Neue Anfrage, bitte');
		const pendingId = request.ok ? request.pairId : '';
		const exported = collectPersonalData(learnerC.id)!.json['mentoring.json'] as {
			pairs: { message: string }[];
		};
		expect(exported.pairs.map((pair) => pair.message)).toContain('Neue Anfrage, bitte');
		expect(
			await eraseAccount(learnerC.id, { actorId: admin.id, trigger: 'admin', reason: 'x' })
		).toMatchObject({ ok: true });
		expect(statusOf(pendingId)).toBeUndefined();

		const { learnerA } = people;
		const result = await eraseAccount(learnerA.id, {
			actorId: admin.id,
			trigger: 'admin',
			reason: 'Wunsch'
		});
		expect(result.ok).toBe(true);
		const pair = getPairFor(learnerB, pairId)!;
		expect(pair.menteeId).not.toBe(learnerA.id);
		const [message] = listMessages(pairId).messages;
		expect(message!.authorErased).toBe(true);
		expect(message!.authorId).not.toBe(learnerA.id);
	});
});
