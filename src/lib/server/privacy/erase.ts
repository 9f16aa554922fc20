import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { recordAudit } from '../audit';
import { countActiveAdmins } from '../auth/users';
import { getDb } from '../db';
import {
	certificates,
	deletionRequests,
	erasedCertificates,
	invites,
	mailOutbox,
	mentoringPairs,
	passwordResetRequests,
	sharedSubmissions,
	submissionFiles,
	submissions,
	throttleEvents,
	users
} from '../db/schema';
import { deleteStoredUpload } from '../assignments/uploads';
import { deleteUploadsOf } from '../discussions';
import { eraseConfirmationsOf } from '../events/confirmations';
import { loadMailConfig } from '../mail';
import { throttleKey } from '../throttle/slots';
import { personalColumns } from './registry';
import { createStandIn } from './stand-in';

export type ErasureTrigger = 'admin' | 'grace_period' | 'retention_inactive';

export interface ErasureRequest {
	/** The admin who confirmed; null when the platform deletes (grace period, retention). */
	actorId: string | null;
	trigger: ErasureTrigger;
	/** Why (the admin's words, or the rule that applied); goes into the audit log. */
	reason: string;
	/** Overrides the person's own choice from their deletion request. */
	keepCertificatesVerifiable?: boolean;
	now?: Date;
}

export type ErasureResult =
	| { ok: true; standInId: string; files: number }
	| { ok: false; reason: 'not_found' | 'last_admin' };

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/** Names shorter than this are not searched for in other people's mails (too many false hits). */
const MIN_NAME_TO_SEARCH = 4;

/**
 * Deletes a person (Art. 17 DSGVO): every row of theirs listed in the registry is deleted or
 * re-pointed to a fresh anonymous stand-in, their certificates are erased (or kept verifiable
 * with the printed data only), mails and notices to others that name them are removed, then
 * their files and kept mail copies. The database overwrites deleted content (secure_delete) and
 * its write-ahead log is checkpointed, so the bytes are gone from disk too.
 */
export async function eraseAccount(
	userId: string,
	request: ErasureRequest
): Promise<ErasureResult> {
	const db = getDb();
	const now = request.now ?? new Date();
	const outcome = db.transaction(
		(tx) => {
			const person = tx
				.select({ name: users.name, email: users.email, role: users.role, active: users.active })
				.from(users)
				.where(and(eq(users.id, userId), isNull(users.erasedAt)))
				.get();
			if (!person) return { ok: false as const, reason: 'not_found' as const };
			if (person.role === 'admin' && person.active && countActiveAdmins(tx) <= 1) {
				return { ok: false as const, reason: 'last_admin' as const };
			}
			const wish = tx
				.select({ keep: deletionRequests.keepCertificatesVerifiable })
				.from(deletionRequests)
				.where(eq(deletionRequests.userId, userId))
				.get();
			const keep = request.keepCertificatesVerifiable ?? wish?.keep ?? false;
			const storedNames = tx
				.select({ storedName: submissionFiles.storedName })
				.from(submissionFiles)
				.innerJoin(submissions, eq(submissions.id, submissionFiles.submissionId))
				.where(eq(submissions.userId, userId))
				.all()
				.map((row) => row.storedName)
				.concat(deleteUploadsOf(tx, userId));
			const mailIds = removeMailsNaming(tx, userId, person);
			const standInId = createStandIn(tx, now);
			eraseCertificates(tx, userId, standInId, keep, now);
			closeMentoring(tx, userId, now);
			withdrawShares(tx, userId, now);
			eraseConfirmationsOf(tx, userId, now);
			for (const { table, column, erase } of personalColumns) {
				if (erase === 'certificates') continue;
				const target = sql`${sql.identifier(table)}`;
				const where = sql`${sql.identifier(column)} = ${userId}`;
				if (erase === 'delete') tx.run(sql`DELETE FROM ${target} WHERE ${where}`);
				else
					tx.run(sql`UPDATE ${target} SET ${sql.identifier(column)} = ${standInId} WHERE ${where}`);
			}
			tx.delete(invites).where(eq(invites.email, person.email)).run();
			tx.delete(passwordResetRequests).where(eq(passwordResetRequests.email, person.email)).run();
			const accountKey = person.email;
			tx.delete(throttleEvents)
				.where(inArray(throttleEvents.key, [throttleKey('login-account', accountKey)]))
				.run();
			tx.delete(users).where(eq(users.id, userId)).run();
			recordAudit(
				{
					actorId: request.actorId,
					action: 'account.deleted',
					objectType: 'user',
					objectId: userId,
					subjectUserId: userId,
					details: {
						trigger: request.trigger,
						reason: request.reason,
						keepCertificatesVerifiable: keep,
						files: storedNames.length
					}
				},
				tx,
				now
			);
			return { ok: true as const, standInId, storedNames, mailIds };
		},
		{ behavior: 'immediate' }
	);
	if (!outcome.ok) return outcome;
	await Promise.all(outcome.storedNames.map((name) => deleteStoredUpload(name)));
	await removeKeptMailCopies(outcome.mailIds);
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	return { ok: true, standInId: outcome.standInId, files: outcome.storedNames.length };
}

function eraseCertificates(tx: Tx, userId: string, standInId: string, keep: boolean, now: Date) {
	if (keep) {
		tx.update(certificates).set({ userId: standInId }).where(eq(certificates.userId, userId)).run();
		return;
	}
	const own = tx
		.select({ code: certificates.code, year: certificates.year, serial: certificates.serial })
		.from(certificates)
		.where(eq(certificates.userId, userId))
		.all();
	if (own.length) {
		tx.insert(erasedCertificates)
			.values(own.map((row) => ({ ...row, erasedAt: now })))
			.run();
	}
	tx.delete(certificates).where(eq(certificates.userId, userId)).run();
}

/** Praxisaufgaben the person shared in the Austausch: their text goes, as if withdrawn. */
function withdrawShares(tx: Tx, userId: string, now: Date) {
	tx.update(sharedSubmissions)
		.set({ text: null, revokedAt: now })
		.where(and(eq(sharedSubmissions.authorId, userId), isNull(sharedSubmissions.revokedAt)))
		.run();
}

/**
 * The person's requests that never became a pair go with them; their running pairs end, so the
 * other person keeps the conversation (anonymised by the registry) but cannot write to nobody.
 */
function closeMentoring(tx: Tx, userId: string, now: Date) {
	tx.delete(mentoringPairs)
		.where(
			and(
				eq(mentoringPairs.menteeId, userId),
				inArray(mentoringPairs.status, ['requested', 'declined', 'withdrawn'])
			)
		)
		.run();
	tx.update(mentoringPairs)
		.set({ status: 'ended', endedAt: now })
		.where(
			and(
				eq(mentoringPairs.status, 'confirmed'),
				or(eq(mentoringPairs.menteeId, userId), eq(mentoringPairs.mentorId, userId))
			)
		)
		.run();
}

/**
 * The person's own mails, and mails and notices to others that name them (e.g. "Aylin hat eine
 * Abgabe eingereicht"): deleted. Returns the ids of the mails for their kept `.eml` copies.
 */
function removeMailsNaming(tx: Tx, userId: string, person: { name: string; email: string }) {
	const naming =
		person.name.length >= MIN_NAME_TO_SEARCH
			? sql`instr(${mailOutbox.subject}, ${person.name}) > 0 OR instr(coalesce(${mailOutbox.textBody}, ''), ${person.name}) > 0`
			: sql`0`;
	const ids = tx
		.select({ id: mailOutbox.id })
		.from(mailOutbox)
		.where(
			sql`${mailOutbox.userId} = ${userId} OR ${mailOutbox.toAddress} = ${person.email} OR ${naming}`
		)
		.all()
		.map((row) => row.id);
	if (ids.length) tx.delete(mailOutbox).where(inArray(mailOutbox.id, ids)).run();
	if (person.name.length >= MIN_NAME_TO_SEARCH) {
		tx.run(
			sql`DELETE FROM notifications WHERE json_extract(data, '$.learnerName') = ${person.name}`
		);
	}
	return ids;
}

async function removeKeptMailCopies(ids: string[]): Promise<void> {
	if (!ids.length) return;
	const { mailDir } = loadMailConfig();
	await Promise.all(ids.map((id) => rm(join(mailDir, `${id}.eml`), { force: true })));
}
