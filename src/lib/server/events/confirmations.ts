import { and, desc, eq, max } from 'drizzle-orm';
import type { EventConfirmationSnapshot } from '$lib/events';
import {
	berlinYear,
	formatCertificateNumber,
	generateVerificationCode
} from '../certificates/codes';
import { getIssuerSettings } from '../certificates/settings';
import { signSnapshot, verifySnapshot } from '../certificates/signing';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { erasedEventConfirmations, eventConfirmations, users } from '../db/schema';
import { berlinParts } from './berlin-time';
import type { EventRecord } from './events';
import type { Tx } from './queue';

// The Teilnahmebestätigung of an event: signed like a certificate (same key, same code format,
// same /verify page), kept in its own table because it confirms an event, not a course.

export type ConfirmationRecord = typeof eventConfirmations.$inferSelect;

function validConfirmation(tx: Tx, eventId: string, userId: string) {
	return tx
		.select()
		.from(eventConfirmations)
		.where(
			and(
				eq(eventConfirmations.eventId, eventId),
				eq(eventConfirmations.userId, userId),
				equalsLiteral(eventConfirmations.status, 'valid')
			)
		)
		.get();
}

/**
 * After attendance changed: someone who was there holds exactly one valid confirmation naming
 * the days attended (a change of days replaces it: the old one reads "ersetzt"); someone no
 * longer marked present has theirs revoked.
 */
export function syncConfirmation(
	tx: Tx,
	event: EventRecord,
	userId: string,
	days: string[],
	now: Date
): void {
	const current = validConfirmation(tx, event.id, userId);
	const sameDays = current && current.snapshot.daysAttended.join() === [...days].sort().join();
	if (sameDays) return;
	if (current) {
		tx.update(eventConfirmations)
			.set({ status: days.length ? 'superseded' : 'revoked', revokedAt: now })
			.where(eq(eventConfirmations.id, current.id))
			.run();
	}
	if (!days.length) return;
	const person = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
	if (!person) return;
	const year = berlinYear(now);
	const serial = nextSerial(tx, year);
	const code = generateVerificationCode();
	const number = `V-${formatCertificateNumber(year, serial)}`;
	const issuer = getIssuerSettings();
	const snapshot: EventConfirmationSnapshot = {
		version: 1,
		type: 'event',
		number,
		code,
		participantName: person.name,
		eventTitle: event.title,
		format: event.format,
		place: event.place,
		startsOn: berlinParts(event.startsAt).day,
		endsOn: berlinParts(event.endsAt).day,
		daysAttended: [...days].sort(),
		issuer: {
			name: issuer.name,
			address: issuer.address,
			place: issuer.place,
			signatoryName: issuer.signatoryName,
			signatoryRole: issuer.signatoryRole
		},
		issuedOn: berlinParts(now).day
	};
	tx.insert(eventConfirmations)
		.values({
			id: generateId(),
			eventId: event.id,
			userId,
			year,
			serial,
			number,
			code,
			snapshot,
			signature: signSnapshot(snapshot),
			issuedAt: now
		})
		.run();
}

/** Serials of erased confirmations stay taken: a number is never given to a second person. */
function nextSerial(tx: Tx, year: number): number {
	const issued = tx
		.select({ last: max(eventConfirmations.serial) })
		.from(eventConfirmations)
		.where(eq(eventConfirmations.year, year))
		.get();
	const erased = tx
		.select({ last: max(erasedEventConfirmations.serial) })
		.from(erasedEventConfirmations)
		.where(eq(erasedEventConfirmations.year, year))
		.get();
	return Math.max(issued?.last ?? 0, erased?.last ?? 0) + 1;
}

/**
 * Account deletion: the person's confirmations go, their codes are remembered so /verify says
 * "gelöscht" (as for certificates) instead of "unbekannt".
 */
export function eraseConfirmationsOf(tx: Tx, userId: string, now: Date): void {
	const own = tx
		.select({
			code: eventConfirmations.code,
			year: eventConfirmations.year,
			serial: eventConfirmations.serial
		})
		.from(eventConfirmations)
		.where(eq(eventConfirmations.userId, userId))
		.all();
	if (own.length) {
		tx.insert(erasedEventConfirmations)
			.values(own.map((row) => ({ ...row, erasedAt: now })))
			.run();
	}
	tx.delete(eventConfirmations).where(eq(eventConfirmations.userId, userId)).run();
}

/** The person's newest confirmation of the event (valid or not), for their event page. */
export function confirmationOf(eventId: string, userId: string): ConfirmationRecord | undefined {
	return getDb()
		.select()
		.from(eventConfirmations)
		.where(and(eq(eventConfirmations.eventId, eventId), eq(eventConfirmations.userId, userId)))
		.orderBy(desc(eventConfirmations.issuedAt), desc(eventConfirmations.serial))
		.get();
}

export type EventVerification =
	| { found: false; erased?: true }
	| {
			found: true;
			code: string;
			status: ConfirmationRecord['status'];
			revokedAt: Date | null;
			snapshot: EventConfirmationSnapshot;
			signature: string;
			signatureValid: boolean;
	  };

/** The public check of a confirmation's code (already normalised by the verify route). */
export function verifyEventConfirmation(code: string): EventVerification {
	const row = getDb()
		.select()
		.from(eventConfirmations)
		.where(eq(eventConfirmations.code, code))
		.get();
	if (!row) {
		const erased = getDb()
			.select({ code: erasedEventConfirmations.code })
			.from(erasedEventConfirmations)
			.where(eq(erasedEventConfirmations.code, code))
			.get();
		return erased ? { found: false, erased: true } : { found: false };
	}
	return {
		found: true,
		code: row.code,
		status: row.status,
		revokedAt: row.revokedAt,
		snapshot: row.snapshot,
		signature: row.signature,
		signatureValid: verifySnapshot(row.snapshot, row.signature)
	};
}
