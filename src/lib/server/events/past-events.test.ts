import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, useCertificateDb } from '$test/unit/certificates';
import { DAY, makeAlumna, makeEvent } from '$test/unit/events';
import { fromBerlin } from './berlin-time';
import { eventSchema, getEvent, listManagedEvents, publishEvent, visibleEventsFor } from '.';

// Events in the past: nobody is invited to something long over, and the organisers' list keeps
// upcoming and past events apart.

type Person = Awaited<ReturnType<typeof makeUser>>;
let trainer: Person;

beforeAll(async () => {
	useCertificateDb();
	trainer = await makeUser('Paula Plan', 'trainer');
});

/** 6 December 2026, 12:00 in Berlin. */
const NOW = fromBerlin('2026-12-06', '12:00')!;

const form = (fields: Record<string, string> = {}) => ({
	title: 'Vertiefungstreffen',
	description: 'Programm',
	format: 'praesenz',
	place: 'Berlin',
	startDay: '2027-01-10',
	startTime: '10:00',
	endDay: '2027-01-10',
	endTime: '16:00',
	capacity: '20',
	deadlineDay: '',
	deadlineTime: '',
	...fields
});

const errorsOf = (result: ReturnType<ReturnType<typeof eventSchema>['safeParse']>) =>
	Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('dates of a new or edited event', () => {
	it('refuses a start in the past at the start field, also earlier today', () => {
		const schema = eventSchema({ now: NOW });
		const old = schema.safeParse(
			form({ startDay: '2020-01-10', endDay: '2020-01-10', endTime: '16:00' })
		);
		expect(errorsOf(old)).toEqual({
			startDay:
				'Der Beginn liegt in der Vergangenheit. Bitte wählen Sie einen Zeitpunkt in der Zukunft.'
		});
		const thisMorning = schema.safeParse(form({ startDay: '2026-12-06', endDay: '2026-12-06' }));
		expect(errorsOf(thisMorning)).toHaveProperty('startDay');
		const thisAfternoon = form({
			startDay: '2026-12-06',
			startTime: '12:30',
			endDay: '2026-12-06'
		});
		expect(schema.safeParse(thisAfternoon).success).toBe(true);
	});

	it('refuses a registration deadline in the past or after the start', () => {
		const schema = eventSchema({ now: NOW });
		expect(errorsOf(schema.safeParse(form({ deadlineDay: '2026-12-01' })))).toEqual({
			deadlineDay:
				'Der Anmeldeschluss liegt in der Vergangenheit. Bitte wählen Sie einen späteren Tag oder lassen Sie das Feld leer.'
		});
		expect(errorsOf(schema.safeParse(form({ deadlineDay: '2027-01-11' })))).toEqual({
			deadlineDay: 'Der Anmeldeschluss muss ein gültiges Datum vor dem Beginn sein.'
		});
		expect(schema.safeParse(form({ deadlineDay: '2026-12-06' })).success).toBe(true);
	});

	it('lets an event that has begun be edited as long as its start and deadline stay', () => {
		const before = {
			startsAt: fromBerlin('2026-12-01', '10:00')!,
			registrationDeadline: fromBerlin('2026-11-28', '23:59')
		};
		const schema = eventSchema({ now: NOW, before });
		const kept = {
			startDay: '2026-12-01',
			startTime: '10:00',
			endDay: '2026-12-01',
			deadlineDay: '2026-11-28'
		};
		expect(schema.safeParse(form({ ...kept, place: 'Raum 2' })).success).toBe(true);
		expect(errorsOf(schema.safeParse(form({ ...kept, startTime: '09:00' })))).toHaveProperty(
			'startDay'
		);
		expect(errorsOf(schema.safeParse(form({ ...kept, deadlineDay: '2026-11-29' })))).toHaveProperty(
			'deadlineDay'
		);
		// Moved into the future, the event needs a deadline that is not over either.
		expect(
			errorsOf(schema.safeParse(form({ deadlineDay: '2026-11-28', deadlineTime: '23:59' })))
		).toHaveProperty('deadlineDay');
	});
});

describe('an edit of an event with recorded attendance', () => {
	const before = {
		startsAt: fromBerlin('2026-12-04', '10:00')!,
		registrationDeadline: null,
		attendedDays: ['2026-12-04', '2026-12-05']
	};
	const twoDays = { startDay: '2026-12-04', startTime: '10:00', endDay: '2026-12-05' };

	it('refuses dates that would drop a day with attendance, naming it', () => {
		const schema = eventSchema({ now: NOW, before });
		expect(errorsOf(schema.safeParse(form({ ...twoDays, endDay: '2026-12-04' })))).toEqual({
			startDay:
				'Für 05.12.2026 ist schon Anwesenheit erfasst. Diese Tage müssen Tage der Veranstaltung bleiben, sonst ist die erfasste Anwesenheit auf keiner Seite mehr zu sehen. Es wurde nichts gespeichert.'
		});
	});

	it('accepts changes that keep those days, such as a later end or another place', () => {
		const schema = eventSchema({ now: NOW, before });
		expect(schema.safeParse(form({ ...twoDays, place: 'Raum 2' })).success).toBe(true);
		expect(schema.safeParse(form({ ...twoDays, endDay: '2026-12-06' })).success).toBe(true);
	});
});

describe('publishing', () => {
	it('refuses to publish a draft whose start has passed meanwhile, and invites nobody', async () => {
		const alumna = await makeAlumna('Alma Spät');
		const event = getEvent(makeEvent(trainer))!;
		const later = new Date(event.startsAt.getTime() + 60_000);
		expect(publishEvent(trainer, event, later)).toEqual({ ok: false, reason: 'started' });
		expect(getEvent(event.id)!.status).toBe('draft');
		expect(visibleEventsFor(alumna).map((e) => e.id)).not.toContain(event.id);
		expect(publishEvent(trainer, event)).toEqual({ ok: true });
		expect(publishEvent(trainer, getEvent(event.id)!)).toEqual({ ok: false, reason: 'not_draft' });
	});

	it('refuses to publish a draft whose registration deadline has passed', () => {
		const event = getEvent(
			makeEvent(trainer, { registrationDeadline: new Date(Date.now() + 2 * DAY) })
		)!;
		expect(publishEvent(trainer, event, new Date(Date.now() + 3 * DAY))).toEqual({
			ok: false,
			reason: 'deadline_passed'
		});
		expect(getEvent(event.id)!.status).toBe('draft');
	});
});

describe('the organisers’ list', () => {
	it('separates upcoming (and running) events from past ones, soonest and latest first', async () => {
		const planner = await makeUser('Lena Liste', 'trainer');
		const at = (days: number) => new Date(Date.now() + days * DAY);
		const soon = makeEvent(planner, { startsAt: at(5), endsAt: at(6) });
		const later = makeEvent(planner, { startsAt: at(40), endsAt: at(41) });
		const running = makeEvent(planner, { startsAt: at(-1), endsAt: at(1) });
		const past = makeEvent(planner, { startsAt: at(-30), endsAt: at(-29) });
		const longAgo = makeEvent(planner, { startsAt: at(-300), endsAt: at(-299) });

		const upcoming = listManagedEvents(planner, 'upcoming');
		expect(upcoming.rows.map((e) => e.id)).toEqual([running, soon, later]);
		expect(upcoming.periods).toEqual({ upcoming: 3, past: 2 });
		const over = listManagedEvents(planner, 'past');
		expect(over.rows.map((e) => e.id)).toEqual([past, longAgo]);
		expect(over.periods).toEqual({ upcoming: 3, past: 2 });
	});
});
