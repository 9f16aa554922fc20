import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { deletionRequests, users } from '../db/schema';
import { DAY_MS, retentionConfig } from './config';

export interface DeletionRequest {
	userId: string;
	requestedAt: Date;
	dueAt: Date;
	keepCertificatesVerifiable: boolean;
}

/** The learner asks for deletion; carried out by an admin or after the grace period. */
export function requestDeletion(
	userId: string,
	keepCertificatesVerifiable: boolean,
	now = new Date()
): DeletionRequest {
	const row = {
		userId,
		requestedAt: now,
		dueAt: new Date(now.getTime() + retentionConfig().deletionGraceDays * DAY_MS),
		keepCertificatesVerifiable
	};
	getDb().transaction((tx) => {
		tx.insert(deletionRequests)
			.values(row)
			.onConflictDoUpdate({
				target: deletionRequests.userId,
				set: { keepCertificatesVerifiable }
			})
			.run();
		recordAudit(
			{
				actorId: userId,
				action: 'account.deletion_requested',
				objectType: 'user',
				objectId: userId,
				subjectUserId: userId,
				details: { keepCertificatesVerifiable }
			},
			tx,
			now
		);
	});
	return getDeletionRequest(userId) ?? row;
}

export function cancelDeletionRequest(userId: string, actorId: string): boolean {
	return getDb().transaction((tx) => {
		const removed = tx.delete(deletionRequests).where(eq(deletionRequests.userId, userId)).run();
		if (removed.changes === 0) return false;
		recordAudit(
			{
				actorId,
				action: 'account.deletion_cancelled',
				objectType: 'user',
				objectId: userId,
				subjectUserId: userId
			},
			tx
		);
		return true;
	});
}

export function getDeletionRequest(userId: string): DeletionRequest | undefined {
	return getDb().select().from(deletionRequests).where(eq(deletionRequests.userId, userId)).get();
}

/** Open requests with the person's name, oldest first (admin's list). */
export function listDeletionRequests() {
	return getDb()
		.select({
			userId: deletionRequests.userId,
			name: users.name,
			email: users.email,
			requestedAt: deletionRequests.requestedAt,
			dueAt: deletionRequests.dueAt,
			keepCertificatesVerifiable: deletionRequests.keepCertificatesVerifiable
		})
		.from(deletionRequests)
		.innerJoin(users, eq(users.id, deletionRequests.userId))
		.orderBy(asc(deletionRequests.dueAt))
		.all();
}
