import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { MailKind, MailStatus } from '$lib/mail';
import { generateId } from '../crypto/tokens';
import { getDb, type Db } from '../db';
import { mailOutbox, users } from '../db/schema';
import { originFrom } from './config';
import { signalMailQueued } from './signal';
import { carriesPersonalLink, renderMail, type Locale, type MailTemplateInput } from './templates';
import { environment } from '../config/env';
import { pageOfQuery } from '../db/paging';

export type OutboxMail = typeof mailOutbox.$inferSelect;

export interface NewMail {
	userId: string | null;
	to: string;
	locale: Locale;
	content: MailTemplateInput;
	/** Notification mails: where the one-click unsubscribe goes (adds RFC 8058 headers). */
	unsubscribePath?: string;
	/** The same key twice queues one mail. */
	dedupeKey?: string;
}

/** A database or an open transaction: pass the transaction so the mail commits with its cause. */
type Writer = Pick<Db, 'insert' | 'select'>;

/**
 * What may reach an address its account has not confirmed (registered through a link anyone
 * could use): the link that confirms it and a password reset, which the real owner of the address
 * needs to take the account over. Anything else could be someone else's activity in their inbox.
 */
const TO_UNCONFIRMED: ReadonlySet<MailKind> = new Set(['email_address_confirm', 'password_reset']);

/** The mail goes to the account's own address, and that address is not confirmed. */
function toUnconfirmedAddress(mail: NewMail, reader: Writer): boolean {
	if (!mail.userId) return false;
	const where = and(
		eq(users.id, mail.userId),
		eq(users.email, mail.to),
		isNull(users.emailConfirmedAt)
	);
	return !!reader.select({ id: users.id }).from(users).where(where).get();
}

/**
 * Renders the mail and stores it in the outbox. Call it inside the transaction of the event that
 * causes the mail: if that rolls back, no mail exists; once it commits, the worker sends it.
 * Returns false when a mail with the same dedupe key exists, or when it is held back because it
 * would go to an unconfirmed address (the notification in the platform stays).
 */
export function queueMail(mail: NewMail, writer: Writer = getDb(), now = new Date()): boolean {
	if (!TO_UNCONFIRMED.has(mail.content.kind) && toUnconfirmedAddress(mail, writer)) return false;
	const origin = originFrom(environment());
	const kind: MailKind = mail.content.kind;
	const composed = renderMail(mail.content, {
		locale: mail.locale,
		origin,
		unsubscribePath: mail.unsubscribePath
	});
	const id = generateId();
	const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
	if (mail.unsubscribePath) {
		headers['List-Unsubscribe'] = `<${origin}${mail.unsubscribePath}>`;
		headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	const result = writer
		.insert(mailOutbox)
		.values({
			id,
			userId: mail.userId,
			kind,
			toAddress: mail.to,
			locale: mail.locale,
			subject: composed.subject,
			textBody: composed.text,
			htmlBody: composed.html,
			headers,
			messageId: `<${id}@${new URL(origin).hostname}>`,
			dedupeKey: mail.dedupeKey ?? null,
			secret: carriesPersonalLink(kind),
			nextAttemptAt: now,
			createdAt: now
		})
		.onConflictDoNothing({ target: mailOutbox.dedupeKey })
		.run();
	if (result.changes === 0) return false;
	signalMailQueued();
	return true;
}

const due = (now: Date) =>
	or(
		and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, now)),
		// A process that died while sending: its lease ran out, someone else takes over.
		and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.leaseUntil, now))
	);

/**
 * Takes the next due mail for this process. The write lock is held from the look-up to the
 * update, so between processes each mail goes to exactly one of them.
 */
export function claimNextMail(
	workerId: string,
	now: Date,
	leaseMs: number
): OutboxMail | undefined {
	const db = getDb();
	// Cheap check without the write lock: idle polls must not queue up behind writers.
	if (!db.select({ id: mailOutbox.id }).from(mailOutbox).where(due(now)).limit(1).get()) {
		return undefined;
	}
	return db.transaction(
		(tx) => {
			const next = tx
				.select({ id: mailOutbox.id })
				.from(mailOutbox)
				.where(due(now))
				.orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.createdAt))
				.limit(1)
				.get();
			if (!next) return undefined;
			return tx
				.update(mailOutbox)
				.set({
					status: 'sending',
					leaseUntil: new Date(now.getTime() + leaseMs),
					claimedBy: workerId,
					attempts: sql`${mailOutbox.attempts} + 1`
				})
				.where(eq(mailOutbox.id, next.id))
				.returning()
				.get();
		},
		{ behavior: 'immediate' }
	);
}

/** Only the holder of the claim may record its outcome (a lease taken over is not ours). */
const ourClaim = (mail: OutboxMail) =>
	and(
		eq(mailOutbox.id, mail.id),
		eq(mailOutbox.status, 'sending'),
		eq(mailOutbox.claimedBy, mail.claimedBy ?? ''),
		eq(mailOutbox.attempts, mail.attempts)
	);

/**
 * Sent (or kept as a file). A mail with a personal link loses its body once it went out by SMTP,
 * so a copy of the database holds no usable link.
 */
export function markDelivered(mail: OutboxMail, how: 'sent' | 'kept', now = new Date()): boolean {
	const scrub = how === 'sent' && mail.secret ? { textBody: null, htmlBody: null } : {};
	return (
		getDb()
			.update(mailOutbox)
			.set({ status: how, sentAt: now, leaseUntil: null, lastError: null, ...scrub })
			.where(ourClaim(mail))
			.run().changes === 1
	);
}

export function markForRetry(mail: OutboxMail, reason: string, retryAt: Date): boolean {
	return (
		getDb()
			.update(mailOutbox)
			.set({ status: 'queued', nextAttemptAt: retryAt, leaseUntil: null, lastError: reason })
			.where(ourClaim(mail))
			.run().changes === 1
	);
}

export function markFailed(mail: OutboxMail, reason: string): boolean {
	return (
		getDb()
			.update(mailOutbox)
			.set({ status: 'failed', leaseUntil: null, lastError: reason })
			.where(ourClaim(mail))
			.run().changes === 1
	);
}

/** An admin sends a failed mail again, e.g. after correcting the address or the server. */
export function requeueMail(id: string, now = new Date()): boolean {
	return (
		getDb()
			.update(mailOutbox)
			.set({ status: 'queued', attempts: 0, nextAttemptAt: now })
			.where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
			.run().changes === 1
	);
}

export const OUTBOX_PAGE_SIZE = 25;

const listColumns = {
	id: mailOutbox.id,
	kind: mailOutbox.kind,
	toAddress: mailOutbox.toAddress,
	subject: mailOutbox.subject,
	status: mailOutbox.status,
	attempts: mailOutbox.attempts,
	nextAttemptAt: mailOutbox.nextAttemptAt,
	lastError: mailOutbox.lastError,
	createdAt: mailOutbox.createdAt,
	sentAt: mailOutbox.sentAt
};

export function listOutbox(options: { status?: MailStatus; page?: number }) {
	const db = getDb();
	const where = options.status ? eq(mailOutbox.status, options.status) : undefined;
	return pageOfQuery(
		db.select({ n: count() }).from(mailOutbox).where(where),
		db
			.select(listColumns)
			.from(mailOutbox)
			.where(where)
			.orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)),
		options.page ?? 1,
		OUTBOX_PAGE_SIZE
	);
}

export function countOutboxByStatus(): Record<MailStatus, number> {
	const counts: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, kept: 0, failed: 0 };
	const rows = getDb()
		.select({ status: mailOutbox.status, n: count() })
		.from(mailOutbox)
		.groupBy(mailOutbox.status)
		.all();
	for (const row of rows) counts[row.status] = row.n;
	return counts;
}

export function getOutboxMail(id: string) {
	return getDb()
		.select({
			...listColumns,
			locale: mailOutbox.locale,
			headers: mailOutbox.headers,
			messageId: mailOutbox.messageId,
			textBody: mailOutbox.textBody,
			claimedBy: mailOutbox.claimedBy
		})
		.from(mailOutbox)
		.where(eq(mailOutbox.id, id))
		.get();
}

/** Delivered and failed mails are kept for this long, then deleted (data minimisation). */
export const OUTBOX_RETENTION_DAYS = 90;

export function deleteOldMails(now = new Date()): number {
	const before = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 24 * 60 * 60 * 1000);
	return getDb()
		.delete(mailOutbox)
		.where(
			and(inArray(mailOutbox.status, ['sent', 'kept', 'failed']), lt(mailOutbox.createdAt, before))
		)
		.run().changes;
}
