import { and, eq, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { purgeEndedEventRegistrations } from '../events/retention';
import { getDb } from '../db';
import { auditLog, notifications, retentionWarnings } from '../db/schema';
import { generateId } from '../crypto/tokens';
import { queueMail, recipientFor, wakeMailWorker } from '../mail';
import { eraseCohortData } from './cohort-erase';
import { addMonths, DAY_MS, retentionConfig } from './config';
import { eraseAccount } from './erase';
import { purgeUnusedQuizSnapshots } from '../quiz/snapshots';
import { planRetention, type PlannedDeletion } from './retention-plan';

export interface RetentionRun {
	warned: number;
	accountsDeleted: number;
	cohortDataDeleted: number;
	/** Registrations of events that ended longer ago than the cohort period (no warning: no document is lost). */
	eventRegistrationsPurged: number;
	auditEntriesPurged: number;
}

/**
 * The daily retention job: warns 30 days ahead (notification and mail), deletes what is due,
 * and purges audit entries older than their retention. Idempotent: a second run on the same day
 * (or in a second server process) finds nothing left to do. `now` is injectable for tests.
 */
export async function runRetention(now = new Date()): Promise<RetentionRun> {
	const config = retentionConfig();
	const run: RetentionRun = {
		warned: 0,
		accountsDeleted: 0,
		cohortDataDeleted: 0,
		eventRegistrationsPurged: 0,
		auditEntriesPurged: 0
	};
	const warnUntil = new Date(now.getTime() + config.warningDays * DAY_MS);
	for (const entry of planRetention(now, config.warningDays)) {
		if (entry.reason === 'deletion_request') {
			if (entry.deleteOn > now) continue;
			const result = await eraseAccount(entry.userId, {
				actorId: null,
				trigger: 'grace_period',
				reason: 'Löschantrag, Frist abgelaufen',
				now
			});
			if (result.ok) run.accountsDeleted += 1;
			continue;
		}
		if (!entry.warnedAt) {
			if (entry.ruleDueAt <= warnUntil && warn(entry, now)) run.warned += 1;
			continue;
		}
		if (entry.deleteOn > now) continue;
		if (entry.reason === 'inactive_account') {
			const result = await eraseAccount(entry.userId, {
				actorId: null,
				trigger: 'retention_inactive',
				reason: `Seit ${config.inactiveMonths} Monaten nicht angemeldet`,
				now
			});
			if (result.ok) run.accountsDeleted += 1;
		} else if (await eraseCohortData(entry.objectId, entry.userId, now)) {
			run.cohortDataDeleted += 1;
		}
	}
	run.eventRegistrationsPurged = purgeEndedEventRegistrations(
		addMonths(now, -config.cohortMonths),
		now
	);
	run.auditEntriesPurged = purgeAuditLog(addMonths(now, -config.auditMonths), now);
	purgeUnusedQuizSnapshots();
	if (run.warned) wakeMailWorker();
	return run;
}

/** One warning per person, rule and object: stored, shown in the app and mailed, together. */
function warn(entry: PlannedDeletion, now: Date): boolean {
	const config = retentionConfig();
	const months = entry.reason === 'inactive_account' ? config.inactiveMonths : config.cohortMonths;
	return getDb().transaction(
		(tx) => {
			const key = and(
				eq(retentionWarnings.userId, entry.userId),
				eq(retentionWarnings.reason, entry.reason as 'inactive_account' | 'cohort_ended'),
				eq(retentionWarnings.objectId, entry.objectId)
			);
			// Another server process may have warned meanwhile (the write lock makes this exact).
			const existing = tx.select().from(retentionWarnings).where(key).get();
			if (existing && existing.dueAt >= entry.ruleDueAt) return false;
			// A stale warning (about an earlier date) is replaced by this one.
			tx.delete(retentionWarnings).where(key).run();
			tx.insert(retentionWarnings)
				.values({
					userId: entry.userId,
					reason: entry.reason as 'inactive_account' | 'cohort_ended',
					objectId: entry.objectId,
					warnedAt: now,
					dueAt: entry.deleteOn
				})
				.run();
			const data = {
				deleteOn: entry.deleteOn.toISOString(),
				months,
				cohortName: entry.cohortName
			};
			const recipient = recipientFor(entry.userId, tx);
			// Held back while the address is not confirmed: the notification is the warning then.
			const mailed =
				!!recipient &&
				queueMail(
					{
						userId: entry.userId,
						to: recipient.email,
						locale: recipient.locale,
						content: {
							kind: 'retention_warning',
							name: recipient.name,
							cohortName: entry.cohortName,
							deleteOn: entry.deleteOn,
							months
						}
					},
					tx,
					now
				);
			tx.insert(notifications)
				.values({
					id: generateId(),
					userId: entry.userId,
					kind: 'retention_warning',
					data,
					link: '/konto#meine-daten',
					createdAt: now,
					emailedAt: mailed ? now : null
				})
				.run();
			recordAudit(
				{
					actorId: null,
					action: 'retention.warning_sent',
					objectType: entry.reason === 'cohort_ended' ? 'cohort' : 'user',
					objectId: entry.objectId || entry.userId,
					subjectUserId: entry.userId,
					details: { reason: entry.reason, deleteOn: data.deleteOn }
				},
				tx,
				now
			);
			return true;
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Deletes audit entries older than `before`. The table refuses deletes (append-only triggers,
 * migration 0007) unless the cutoff is written to audit_log_purge in the same transaction.
 */
export function purgeAuditLog(before: Date, now = new Date()): number {
	return getDb().transaction((tx) => {
		const cutoff = before.getTime();
		tx.run(sql`INSERT INTO audit_log_purge (cutoff) VALUES (${cutoff})`);
		const removed = tx.delete(auditLog).where(lt(auditLog.at, before)).run().changes;
		tx.run(sql`DELETE FROM audit_log_purge`);
		if (removed > 0) {
			recordAudit(
				{
					actorId: null,
					action: 'audit_log.purged',
					objectType: 'audit_log',
					details: { before: before.toISOString(), removed }
				},
				tx,
				now
			);
		}
		return removed;
	});
}
