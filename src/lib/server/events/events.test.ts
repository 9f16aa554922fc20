import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE_ID, makeUser, useCertificateDb } from '$test/unit/certificates';
import { DAY, makeAlumna, makeEvent } from '$test/unit/events';
import { leaveNetwork, rejoinNetwork } from '../alumni/membership';
import { revokeCertificate } from '../certificates/manage';
import { getDb, schema } from '../db';
import { eraseAccount } from '../privacy';
import { purgeEndedEventRegistrations } from './retention';
import { collectPersonalData } from '../privacy/export-data';
import {
	alumniUserIds,
	attendanceField,
	cancelEvent,
	cancelRegistration,
	canManageEvent,
	confirmationOf,
	daysBetween,
	eventRoleOf,
	getEvent,
	publishEvent,
	register,
	registrationOf,
	removeRegistration,
	saveAttendance,
	seatCounts,
	verifyEventConfirmation,
	visibleEventsFor
} from '.';

type Person = Awaited<ReturnType<typeof makeUser>>;
let admin: Person;
let trainer: Person;
let otherTrainer: Person;

beforeAll(async () => {
	useCertificateDb();
	admin = await makeUser('Ada Admin', 'admin');
	trainer = await makeUser('Tara Trainerin', 'trainer');
	otherTrainer = await makeUser('Otto Andere', 'trainer');
});

const noticesOf = (userId: string) =>
	getDb()
		.select({ data: schema.notifications.data })
		.from(schema.notifications)
		.where(
			and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, 'event_update'))
		)
		.all()
		.map((row) => row.data.eventNotice);

describe('who is invited and who runs an event', () => {
	it('invites holders of a valid certificate of the course, not revoked ones or others', async () => {
		const alumna = await makeAlumna('Alma Absolventin');
		const revoked = await makeAlumna('Rolf Widerruf');
		const stranger = await makeUser('Sina Fremd');
		const certificate = getDb()
			.select({ id: schema.certificates.id })
			.from(schema.certificates)
			.where(eq(schema.certificates.userId, revoked.id))
			.get()!;
		revokeCertificate(admin, certificate.id, 'Fehler');
		const invited = alumniUserIds([COURSE_ID], []);
		expect(invited).toContain(alumna.id);
		expect(invited).not.toContain(revoked.id);
		expect(invited).not.toContain(stranger.id);
		expect(alumniUserIds([], [])).toEqual([]);
		expect(alumniUserIds([COURSE_ID], [], [stranger.id])).toEqual([]);
	});

	it('leaves out alumni who left the course’s network, and invites them again when they rejoin', async () => {
		const leaver = await makeAlumna('Lea Ausgetreten');
		leaveNetwork(leaver.id, COURSE_ID);
		expect(alumniUserIds([COURSE_ID], [])).not.toContain(leaver.id);
		rejoinNetwork(leaver.id, COURSE_ID);
		expect(alumniUserIds([COURSE_ID], [])).toContain(leaver.id);
	});

	it('lets admins and the creating trainer manage; shows drafts to nobody else', async () => {
		const alumna = await makeAlumna('Anna Einladung');
		const stranger = await makeUser('Nora Nichteingeladen');
		const event = getEvent(makeEvent(trainer))!;
		expect(canManageEvent(admin, event)).toBe(true);
		expect(canManageEvent(trainer, event)).toBe(true);
		expect(canManageEvent(otherTrainer, event)).toBe(false);
		expect(canManageEvent({ id: trainer.id, role: 'learner' }, event)).toBe(false);
		expect(eventRoleOf(alumna, event, false)).toBeNull();
		publishEvent(trainer, event);
		const published = getEvent(event.id)!;
		expect(eventRoleOf(alumna, published, false)).toBe('guest');
		expect(eventRoleOf(stranger, published, false)).toBeNull();
		expect(eventRoleOf(otherTrainer, published, false)).toBeNull();
		expect(visibleEventsFor(alumna).map((e) => e.id)).toContain(event.id);
		expect(visibleEventsFor(stranger).map((e) => e.id)).not.toContain(event.id);
		expect(noticesOf(alumna.id)).toEqual(['invited']);
		expect(noticesOf(stranger.id)).toEqual([]);
	});
});

describe('registration with capacity and waiting list', () => {
	it('seats the first two, queues the rest with positions, promotes on cancel', async () => {
		const [a, b, c, d] = await Promise.all(
			['Ali Erste', 'Bea Zweite', 'Cem Dritte', 'Dana Vierte'].map((name) => makeAlumna(name))
		);
		const event = getEvent(makeEvent(admin, { capacity: 2 }))!;
		// One second apart: the waiting list is ordered by sign-up time.
		let clock = Date.now();
		const at = () => new Date((clock += 1000));
		expect(register(a!.id, event.id, at())).toEqual({ ok: false, reason: 'closed' });
		publishEvent(admin, event);
		expect(register(a!.id, event.id, at())).toEqual({ ok: true, status: 'registered' });
		expect(register(b!.id, event.id, at())).toEqual({ ok: true, status: 'registered' });
		expect(register(c!.id, event.id, at())).toEqual({ ok: true, status: 'waitlisted' });
		expect(register(d!.id, event.id, at())).toEqual({ ok: true, status: 'waitlisted' });
		expect(register(c!.id, event.id, at())).toEqual({ ok: true, status: 'waitlisted' });
		expect(registrationOf(d!.id, event.id)).toEqual({ status: 'waitlisted', position: 2 });

		expect(cancelRegistration(a!.id, event.id, at())).toEqual({ ok: true });
		expect(registrationOf(c!.id, event.id)).toEqual({ status: 'registered', position: null });
		expect(registrationOf(d!.id, event.id)).toEqual({ status: 'waitlisted', position: 1 });
		expect(noticesOf(c!.id)).toContain('promoted');
		expect(seatCounts(event.id)).toEqual({ registered: 2, waitlisted: 1 });
		// Signing up again after cancelling joins the end of the queue.
		expect(register(a!.id, event.id, at())).toEqual({ ok: true, status: 'waitlisted' });
		expect(registrationOf(a!.id, event.id)?.position).toBe(2);
	});

	it('lets an organiser remove a registration: the first waiting moves up, both are told, audited', async () => {
		const [seated, waiting] = await Promise.all([
			makeAlumna('Sami Sitz'),
			makeAlumna('Wanda Warte')
		]);
		const event = getEvent(makeEvent(trainer, { capacity: 1 }))!;
		publishEvent(trainer, event);
		let clock = Date.now();
		const at = () => new Date((clock += 1000));
		register(seated.id, event.id, at());
		register(waiting.id, event.id, at());

		expect(removeRegistration(trainer, event, seated.id, at())).toEqual({ ok: true });
		expect(registrationOf(seated.id, event.id)?.status).toBe('cancelled');
		expect(registrationOf(waiting.id, event.id)).toEqual({ status: 'registered', position: null });
		expect(noticesOf(seated.id)).toEqual(['invited', 'removed']);
		expect(noticesOf(waiting.id)).toEqual(['invited', 'promoted']);
		const audited = getDb()
			.select({ actorId: schema.auditLog.actorId, subject: schema.auditLog.subjectUserId })
			.from(schema.auditLog)
			.where(
				and(
					eq(schema.auditLog.objectId, event.id),
					eq(schema.auditLog.action, 'event.registration_removed')
				)
			)
			.all();
		expect(audited).toEqual([{ actorId: trainer.id, subject: seated.id }]);
		// Removing again, or after the start, changes nothing and tells nobody.
		expect(removeRegistration(trainer, event, seated.id, at())).toEqual({
			ok: false,
			reason: 'not_registered'
		});
		expect(
			removeRegistration(trainer, event, waiting.id, new Date(event.startsAt.getTime() + 1))
		).toEqual({ ok: false, reason: 'started' });
		expect(noticesOf(seated.id)).toEqual(['invited', 'removed']);
		expect(registrationOf(waiting.id, event.id)?.status).toBe('registered');
	});

	it('never seats more than the capacity when many sign up at once', async () => {
		const people = await Promise.all(
			Array.from({ length: 8 }, (_, i) => makeAlumna(`Parallel ${i}`))
		);
		const event = getEvent(makeEvent(admin, { capacity: 3 }))!;
		publishEvent(admin, event);
		const results = await Promise.all(
			people.map((person) => Promise.resolve().then(() => register(person.id, event.id)))
		);
		expect(results.filter((r) => r.ok && r.status === 'registered')).toHaveLength(3);
		expect(seatCounts(event.id)).toEqual({ registered: 3, waitlisted: 5 });
		const positions = people
			.map((person) => registrationOf(person.id, event.id)?.position)
			.filter((position) => position !== null);
		expect(positions.sort()).toEqual([1, 2, 3, 4, 5]);
	});

	it('closes at the deadline and at the start; cancelling tells everyone signed up', async () => {
		const [early, late] = await Promise.all([makeAlumna('Eva Früh'), makeAlumna('Leo Spät')]);
		const deadline = new Date(Date.now() + DAY);
		const event = getEvent(makeEvent(admin, { registrationDeadline: deadline }))!;
		publishEvent(admin, event);
		expect(register(early.id, event.id).ok).toBe(true);
		expect(register(late.id, event.id, new Date(deadline.getTime() + 1))).toEqual({
			ok: false,
			reason: 'closed'
		});
		expect(cancelRegistration(early.id, event.id, new Date(event.startsAt.getTime() + 1))).toEqual({
			ok: false,
			reason: 'started'
		});
		cancelEvent(admin, getEvent(event.id)!);
		expect(noticesOf(early.id)).toContain('cancelled');
		expect(noticesOf(late.id)).not.toContain('cancelled');
		expect(register(late.id, event.id)).toEqual({ ok: false, reason: 'closed' });
		const actions = getDb()
			.select({ action: schema.auditLog.action })
			.from(schema.auditLog)
			.where(eq(schema.auditLog.objectId, event.id))
			.all()
			.map((row) => row.action);
		expect(actions).toEqual(['event.created', 'event.published', 'event.cancelled']);
	});
});

describe('attendance and the Teilnahmebestätigung', () => {
	it('issues a signed confirmation that verifies, replaces it on change, revokes it on removal', async () => {
		const guest = await makeAlumna('Gül Gast');
		const event = getEvent(makeEvent(trainer))!;
		publishEvent(trainer, event);
		register(guest.id, event.id);
		const [first, second] = daysBetween(event.startsAt, event.endsAt);
		const started = getEvent(event.id)!;
		saveAttendance(trainer, started, new Set([attendanceField(guest.id, first!)]));
		const issued = confirmationOf(event.id, guest.id)!;
		expect(issued.status).toBe('valid');
		const verified = verifyEventConfirmation(issued.code);
		expect(verified).toMatchObject({ found: true, status: 'valid', signatureValid: true });
		expect(verified.found && verified.snapshot.participantName).toBe('Gül Gast');
		expect(verified.found && verified.snapshot.daysAttended).toEqual([first]);

		saveAttendance(
			trainer,
			started,
			new Set([attendanceField(guest.id, first!), attendanceField(guest.id, second!)])
		);
		expect(verifyEventConfirmation(issued.code)).toMatchObject({ status: 'superseded' });
		const replaced = confirmationOf(event.id, guest.id)!;
		expect(replaced.snapshot.daysAttended).toEqual([first, second]);

		saveAttendance(trainer, started, new Set());
		expect(verifyEventConfirmation(replaced.code)).toMatchObject({ status: 'revoked' });
		expect(verifyEventConfirmation('AAAA-AAAA-AAAA-AAAA')).toEqual({ found: false });
	});

	it('exports the guest’s registrations and removes them with the account', async () => {
		const guest = await makeAlumna('Paula Privat');
		const event = getEvent(makeEvent(admin))!;
		publishEvent(admin, event);
		register(guest.id, event.id);
		const [day] = daysBetween(event.startsAt, event.endsAt);
		saveAttendance(admin, getEvent(event.id)!, new Set([attendanceField(guest.id, day!)]));
		const exported = collectPersonalData(guest.id)!.json['veranstaltungen.json'] as {
			registrations: { eventTitle: string; status: string }[];
			confirmations: { code: string; number: string }[];
		};
		expect(exported.registrations).toEqual([
			expect.objectContaining({ eventTitle: 'Vertiefungstreffen 2027', status: 'registered' })
		]);
		const code = exported.confirmations[0]!.code;
		await eraseAccount(guest.id, { actorId: admin.id, trigger: 'admin', reason: 'Antrag' });
		expect(registrationOf(guest.id, event.id)).toBeNull();
		// As for certificates: the code is known as deleted, nothing about the person is shown.
		expect(verifyEventConfirmation(code)).toEqual({ found: false, erased: true });
		// Its number stays taken: the next confirmation does not reuse it.
		const next = await makeAlumna('Nils Nachfolger');
		register(next.id, event.id);
		saveAttendance(admin, getEvent(event.id)!, new Set([attendanceField(next.id, day!)]));
		expect(confirmationOf(event.id, next.id)!.number).not.toBe(exported.confirmations[0]!.number);
	});

	it('removes registrations and attendance of long-ended events, except behind a valid confirmation', async () => {
		const holder = await makeAlumna('Hana Halterin');
		const absent = await makeAlumna('Abe Abwesend');
		const cancelled = await makeAlumna('Cora Abgemeldet');
		const waiting = await makeAlumna('Wim Wartend');
		const event = getEvent(makeEvent(admin, { capacity: 2 }))!;
		const later = getEvent(
			makeEvent(admin, {
				startsAt: new Date(Date.now() + 100 * DAY),
				endsAt: new Date(Date.now() + 101 * DAY)
			})
		)!;
		publishEvent(admin, event);
		publishEvent(admin, later);
		let clock = Date.now();
		const at = () => new Date((clock += 1000));
		for (const person of [holder, absent, cancelled, waiting]) register(person.id, event.id, at());
		cancelRegistration(cancelled.id, event.id, at());
		register(holder.id, later.id);
		const [day] = daysBetween(event.startsAt, event.endsAt);
		saveAttendance(admin, getEvent(event.id)!, new Set([attendanceField(holder.id, day!)]));
		const code = confirmationOf(event.id, holder.id)!.code;

		purgeEndedEventRegistrations(new Date(event.endsAt.getTime() + DAY));
		expect(registrationOf(holder.id, event.id)?.status).toBe('registered');
		for (const person of [absent, cancelled, waiting]) {
			expect(registrationOf(person.id, event.id), person.name).toBeNull();
		}
		expect(verifyEventConfirmation(code)).toMatchObject({ found: true, status: 'valid' });
		// The organisers' list still shows the holder as present: saving it again revokes nothing.
		saveAttendance(admin, getEvent(event.id)!, new Set([attendanceField(holder.id, day!)]));
		expect(verifyEventConfirmation(code)).toMatchObject({ status: 'valid' });
		// An event that has not ended that long ago keeps everything.
		expect(registrationOf(holder.id, later.id)?.status).toBe('registered');
	});
});
