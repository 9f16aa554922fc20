/** Event types shared by server and pages (no secrets, nothing server-only). */
import type { CertificateSnapshot } from '$lib/certificates';

export type EventFormat = 'online' | 'praesenz';
export type EventStatus = 'draft' | 'published' | 'cancelled';
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

/**
 * What a Teilnahmebestätigung of an event confirms, frozen at issue time and signed as a whole
 * (like a certificate's snapshot).
 */
export interface EventConfirmationSnapshot {
	version: 1;
	type: 'event';
	number: string;
	code: string;
	participantName: string;
	eventTitle: string;
	format: EventFormat;
	place: string;
	/** YYYY-MM-DD in Berlin. */
	startsOn: string;
	endsOn: string;
	/** The days the person was there. */
	daysAttended: string[];
	issuer: CertificateSnapshot['issuer'];
	issuedOn: string;
}
