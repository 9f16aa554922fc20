import * as schema from '../db/schema';

/**
 * Every column that points at a person, and what a data export and a deletion do with it.
 * `personal-data.test.ts` derives the list of such columns from the schema's foreign keys and
 * fails when one is missing here: a new table with a user reference cannot be forgotten.
 *
 * - `delete`: the rows are the person's data and go with them.
 * - `anonymise`: the rows stay for others (statistics, a cohort's history, a trainer's review)
 *   but point at an anonymous stand-in account without name, address or login.
 * - `certificates`: deleted, or kept for verification when the person chose so (see erase.ts).
 *
 * `file` names the JSON file of the export that carries the rows (LIESMICH.txt explains each).
 */
export type Erasure = 'delete' | 'anonymise' | 'certificates';

export interface PersonalColumn {
	table: string;
	column: string;
	erase: Erasure;
	file: ExportFile;
}

export const exportFiles = [
	'konto.json',
	'lehrgaenge.json',
	'fortschritt.json',
	'quizversuche.json',
	'abgaben.json',
	'zertifikate.json',
	'benachrichtigungen.json',
	'e-mail.json',
	'lerntagebuch.json',
	'austausch.json',
	'veranstaltungen.json',
	'alumni.json',
	'mentoring.json',
	'hospitation.json',
	'protokoll.json',
	'als-trainerin.json'
] as const;
export type ExportFile = (typeof exportFiles)[number];

const col = (table: string, column: string, erase: Erasure, file: ExportFile) => ({
	table,
	column,
	erase,
	file
});

export const personalColumns: PersonalColumn[] = [
	col('sessions', 'user_id', 'delete', 'konto.json'),
	col('password_resets', 'user_id', 'delete', 'konto.json'),
	col('password_resets', 'created_by', 'anonymise', 'als-trainerin.json'),
	col('email_changes', 'user_id', 'delete', 'konto.json'),
	col('deletion_requests', 'user_id', 'delete', 'konto.json'),
	col('retention_warnings', 'user_id', 'delete', 'konto.json'),
	col('invites', 'created_by', 'anonymise', 'als-trainerin.json'),
	col('cohorts', 'created_by', 'anonymise', 'als-trainerin.json'),
	col('cohort_trainers', 'user_id', 'delete', 'als-trainerin.json'),
	col('enrolments', 'user_id', 'delete', 'lehrgaenge.json'),
	col('module_unlocks', 'user_id', 'delete', 'lehrgaenge.json'),
	col('module_unlocks', 'unlocked_by', 'anonymise', 'als-trainerin.json'),
	col('attendance', 'user_id', 'delete', 'lehrgaenge.json'),
	col('attendance', 'recorded_by', 'anonymise', 'als-trainerin.json'),
	col('completion_events', 'user_id', 'delete', 'fortschritt.json'),
	// A counter per course kept by triggers (no data of its own): goes with the events.
	col('completion_stamps', 'user_id', 'delete', 'fortschritt.json'),
	col('quiz_attempts', 'user_id', 'anonymise', 'quizversuche.json'),
	// Extra attempts go with the person; the attempts themselves stay anonymous for statistics.
	col('quiz_attempt_grants', 'user_id', 'delete', 'lehrgaenge.json'),
	col('quiz_attempt_grants', 'granted_by', 'anonymise', 'als-trainerin.json'),
	col('submissions', 'user_id', 'delete', 'abgaben.json'),
	col('reviews', 'reviewer_id', 'anonymise', 'als-trainerin.json'),
	col('notifications', 'user_id', 'delete', 'benachrichtigungen.json'),
	col('certificates', 'user_id', 'certificates', 'zertifikate.json'),
	col('certificates', 'issued_by', 'anonymise', 'als-trainerin.json'),
	col('mail_outbox', 'user_id', 'delete', 'e-mail.json'),
	col('mail_preferences', 'user_id', 'delete', 'e-mail.json'),
	col('mail_settings', 'user_id', 'delete', 'e-mail.json'),
	col('mail_digest_entries', 'user_id', 'delete', 'e-mail.json'),
	col('journal_entries', 'user_id', 'delete', 'lerntagebuch.json'),
	col('authoring_grants', 'user_id', 'delete', 'als-trainerin.json'),
	col('authoring_grants', 'granted_by', 'anonymise', 'als-trainerin.json'),
	col('content_drafts', 'user_id', 'delete', 'als-trainerin.json'),
	// Posts stay in the cohort's threads (replies refer to them), shown as "ehemalige*r
	// Teilnehmende*r": the stand-in is an erased account.
	col('discussion_threads', 'author_id', 'anonymise', 'austausch.json'),
	col('discussion_posts', 'author_id', 'anonymise', 'austausch.json'),
	col('discussion_reports', 'reporter_id', 'anonymise', 'austausch.json'),
	col('discussion_reads', 'user_id', 'delete', 'austausch.json'),
	// A post's files are the uploader's personal data: they go (rows here, files in erase.ts)
	// while the anonymised post stays.
	col('discussion_attachments', 'uploader_id', 'delete', 'austausch.json'),
	// A Fallberatung keeps its roles for the others; a deleted person's role shows the stand-in
	// ("ehemalige*r Teilnehmende*r"), as their posts do.
	col('case_consultations', 'case_giver_id', 'anonymise', 'austausch.json'),
	col('case_consultations', 'moderator_id', 'anonymise', 'austausch.json'),
	// A shared Praxisaufgabe's text is deleted first (erase.ts, as if withdrawn); the row stays so
	// the thread says "Freigabe zurückgezogen", pointing at the stand-in.
	col('shared_submissions', 'author_id', 'anonymise', 'austausch.json'),
	// Events stay for the other guests; who organised one becomes the stand-in. A person's
	// registrations, attendance and Teilnahmebestätigungen go (a deleted confirmation's code then
	// reads "gelöscht" at /verify, as for certificates: erase.ts remembers it). Events are not
	// cohort data: events/retention.ts removes registrations and attendance once an event ended
	// longer ago than the cohort period, keeping those behind a valid confirmation.
	col('events', 'created_by', 'anonymise', 'als-trainerin.json'),
	col('event_registrations', 'user_id', 'delete', 'veranstaltungen.json'),
	col('event_attendance', 'user_id', 'delete', 'veranstaltungen.json'),
	col('event_attendance', 'recorded_by', 'anonymise', 'als-trainerin.json'),
	col('event_confirmations', 'user_id', 'delete', 'veranstaltungen.json'),
	// The directory shows nothing of a deleted person; their alumni-area posts stay as above.
	col('alumni_profiles', 'user_id', 'delete', 'alumni.json'),
	col('alumni_opt_outs', 'user_id', 'delete', 'alumni.json'),
	// Undecided, declined and withdrawn requests go with the person; a confirmed or ended pair
	// stays for the other person (erase.ts ends it first), its messages and meetings shown as
	// "Ehemalige*r Teilnehmende*r".
	col('mentor_offers', 'user_id', 'delete', 'mentoring.json'),
	col('mentoring_pairs', 'mentee_id', 'anonymise', 'mentoring.json'),
	col('mentoring_pairs', 'mentor_id', 'anonymise', 'mentoring.json'),
	col('mentoring_pairs', 'decided_by', 'anonymise', 'als-trainerin.json'),
	col('mentoring_messages', 'author_id', 'anonymise', 'mentoring.json'),
	col('mentoring_meetings', 'author_id', 'anonymise', 'mentoring.json'),
	col('hospitation_applications', 'user_id', 'delete', 'hospitation.json'),
	col('hospitation_applications', 'decided_by', 'anonymise', 'als-trainerin.json')
];

/**
 * Tables without a foreign key to users that still hold something about a person, and how they
 * are handled (erase.ts carries it out; the Datenschutz page and LIESMICH.txt describe it).
 */
export const indirectPersonalData = {
	audit_log: 'protokoll.json; bleibt bei Löschung mit der Konto-ID ohne Name und Adresse',
	invites: 'Einladungen an die E-Mail-Adresse werden mit dem Namen darin gelöscht',
	password_reset_requests: 'Anfragen mit der E-Mail-Adresse werden gelöscht',
	throttle_events:
		'nur Hashwerte, nach höchstens 24 Stunden gelöscht; Anmeldezähler der Adresse sofort',
	notifications: 'Hinweise an andere, die den Namen nennen, werden gelöscht',
	mail_outbox: 'E-Mails an andere, die den Namen nennen, werden gelöscht'
} as const;

/** All tables of the schema, for tests and the coverage check. */
export const allTables = Object.values(schema).filter(
	(value): value is typeof schema.users =>
		typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value
);
