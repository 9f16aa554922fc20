import { recordAudit } from '../audit';
import { m } from '$lib/paraglide/messages.js';
import { parse } from 'csv-parse/sync';
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '../auth/forms';
import { createInvite, inviteStatus } from '../auth/invites';
import { normaliseEmail } from '../auth/users';
import { getDb } from '../db';
import { cohorts, enrolments, invites, users } from '../db/schema';
import { asOneLine } from '../validation/text';

export const CSV_MAX_BYTES = 200_000;
export const CSV_MAX_ROWS = 500;
export const IMPORT_INVITE_DAYS = 30;

const NAME_HEADERS = ['name', 'vollständiger name', 'vor- und nachname'];
const EMAIL_HEADERS = ['email', 'e-mail', 'e-mail-adresse', 'mail'];

export interface CsvRow {
	/** Line in the file, for the error report (the header is line 1). */
	line: number;
	name: string;
	email: string;
}

export type ParsedCsv = { ok: true; rows: CsvRow[] } | { ok: false; error: string };

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the rest is Latin-1). Written out because
 * Node 20's TextDecoder('windows-1252') decodes as Latin-1 and turns „ “ € into control characters.
 */
const WINDOWS_1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * The file's text. German Excel saves „CSV (Trennzeichen-getrennt)“ in Windows-1252, only
 * „CSV UTF-8“ in UTF-8; a file that is not valid UTF-8 is read as Windows-1252 (every byte is a
 * character there), so „Müller“ arrives as „Müller“ instead of the file being refused.
 */
export function decodeCsvFile(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		let text = '';
		for (const byte of bytes) {
			text +=
				byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
		}
		return text;
	}
}

type Delimiter = ';' | ',' | '\t';

/** Excel writes and reads `sep=;` as the first line to name the separator; it is no data. */
const SEPARATOR_LINE = /^"?sep=([;,\t])"?[ \t]*\r?(?:\n|$)/i;

/** `;` is what German spreadsheet programs write; `,` is the international default. */
function detectDelimiter(text: string): Delimiter {
	const header = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
	return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function parseLearnerCsv(text: string): ParsedCsv {
	const content = text.replace(/^\uFEFF/, '');
	const separatorLine = SEPARATOR_LINE.exec(content);
	const named = separatorLine?.[1] as Delimiter | undefined;
	if (content.slice(separatorLine?.[0].length ?? 0).trim() === '') {
		return { ok: false, error: m.cohorts_import_error_empty() };
	}
	let records: { record: string[]; info: { lines: number } }[];
	try {
		// With `info`, csv-parse returns { record, info } per row; its types do not say so.
		records = parse(content, {
			delimiter: named ?? detectDelimiter(content),
			// Skipped rather than cut off, so error and row line numbers stay those of the file.
			from_line: named ? 2 : 1,
			// Excel leaves a `"` inside an unquoted cell as it is (`Anna "Anni" Schmidt`); read
			// it literally, the row's own checks then apply.
			relax_quotes: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
			info: true
		}) as unknown as typeof records;
	} catch (error) {
		const line = (error as { lines?: number }).lines;
		return { ok: false, error: m.cohorts_import_error_unreadable({ line: line ?? '?' }) };
	}
	const [header, ...body] = records;
	const columns = (header?.record ?? []).map((cell) => cell.toLowerCase());
	const nameColumn = columns.findIndex((cell) => NAME_HEADERS.includes(cell));
	const emailColumn = columns.findIndex((cell) => EMAIL_HEADERS.includes(cell));
	if (nameColumn < 0 || emailColumn < 0)
		return { ok: false, error: m.cohorts_import_error_header() };
	if (body.length === 0) return { ok: false, error: m.cohorts_import_error_no_rows() };
	if (body.length > CSV_MAX_ROWS) {
		return { ok: false, error: m.cohorts_import_error_too_many({ max: CSV_MAX_ROWS }) };
	}
	return {
		ok: true,
		rows: body.map(({ record, info }) => ({
			line: info.lines,
			name: asOneLine(record[nameColumn] ?? '').trim(),
			email: record[emailColumn] ?? ''
		}))
	};
}

export interface PreviewRow extends CsvRow {
	/** What confirming does with the row; null when the row has errors and is skipped. */
	action: 'invite' | null;
	errors: string[];
}

const emailFormat = z.email();
const isEmail = (value: string) => emailFormat.safeParse(value).success;

/**
 * Checks every row and decides what confirming would do with it. Pure: what is known about the
 * cohort is passed in. Every valid row becomes an invite bound to the address: the preview
 * never tells whether an address has an account, its role or its cohorts (an existing account
 * joins only by accepting the invite).
 */
export function buildImportPreview(
	rows: CsvRow[],
	/** Addresses of the cohort's own learners (the trainer sees them on the cohort page). */
	inCohort: ReadonlySet<string>,
	/** Addresses that already hold a usable invite to this cohort. */
	invited: ReadonlySet<string> = new Set()
): PreviewRow[] {
	const firstLine = new Map<string, number>();
	return rows.map((row) => {
		const errors: string[] = [];
		const email = normaliseEmail(row.email);
		if (!row.name) errors.push(m.cohorts_import_row_name_missing());
		else if (row.name.length > NAME_MAX_LENGTH) {
			errors.push(m.cohorts_import_row_name_too_long({ max: NAME_MAX_LENGTH }));
		}
		if (!email) errors.push(m.cohorts_import_row_email_missing());
		else if (email.length > EMAIL_MAX_LENGTH || !isEmail(email)) {
			errors.push(m.cohorts_import_row_email_invalid());
		} else if (firstLine.has(email)) {
			errors.push(m.cohorts_import_row_duplicate({ line: firstLine.get(email)! }));
		} else {
			firstLine.set(email, row.line);
		}
		if (inCohort.has(email)) errors.push(m.cohorts_import_row_already_enrolled());
		else if (invited.has(email)) errors.push(m.cohorts_import_row_already_invited());
		return { ...row, email, action: errors.length ? null : 'invite', errors };
	});
}

function cohortLearnerEmails(cohortId: string): Set<string> {
	const rows = getDb()
		.select({ email: users.email })
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(eq(enrolments.cohortId, cohortId))
		.all();
	return new Set(rows.map((row) => row.email));
}

/** Prevents a second link for the same person, e.g. when a confirmation is sent twice. */
function pendingInvites(cohortId: string, now = new Date()): Set<string> {
	const rows = getDb()
		.select({
			email: invites.email,
			expiresAt: invites.expiresAt,
			revokedAt: invites.revokedAt,
			uses: invites.uses,
			maxUses: invites.maxUses
		})
		.from(invites)
		.where(and(eq(invites.cohortId, cohortId), isNotNull(invites.email)))
		.all();
	return new Set(rows.filter((row) => inviteStatus(row, now) === 'valid').map((row) => row.email!));
}

export type ImportPreview = { ok: true; rows: PreviewRow[] } | { ok: false; error: string };

/** Reads nothing but the database and writes nothing: the trainer confirms before any change. */
export function previewImport(cohortId: string, text: string): ImportPreview {
	const parsed = parseLearnerCsv(text);
	if (!parsed.ok) return parsed;
	return {
		ok: true,
		rows: buildImportPreview(parsed.rows, cohortLearnerEmails(cohortId), pendingInvites(cohortId))
	};
}

export interface ImportResult {
	invited: { name: string; email: string; token: string }[];
	skipped: number;
}

/**
 * Applies the valid rows of a fresh preview (the data may have changed since the trainer saw
 * it): every address gets a single-use invite bound to the address and the cohort. New people
 * register with it; people with an account sign in and accept it.
 */
export function confirmImport(
	cohortId: string,
	text: string,
	createdBy: string,
	now = new Date()
): ImportResult | { error: string } {
	const db = getDb();
	const cohort = db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).get();
	const preview = previewImport(cohortId, text);
	if (!cohort || !preview.ok)
		return { error: preview.ok ? m.cohorts_error_not_found() : preview.error };
	const expiresAt = new Date(now.getTime() + IMPORT_INVITE_DAYS * 24 * 60 * 60 * 1000);
	return db.transaction(() => {
		const result: ImportResult = { invited: [], skipped: 0 };
		for (const row of preview.rows) {
			if (row.action !== 'invite') {
				result.skipped += 1;
				continue;
			}
			const invite = createInvite({
				role: 'learner',
				email: row.email,
				name: row.name,
				cohortId,
				maxUses: 1,
				expiresAt,
				createdBy
			});
			result.invited.push({ name: row.name, email: row.email, token: invite.token });
		}
		recordAudit({
			actorId: createdBy,
			action: 'cohort.csv_imported',
			objectType: 'cohort',
			objectId: cohortId,
			details: { invited: result.invited.length, skipped: result.skipped }
		});
		return result;
	});
}
