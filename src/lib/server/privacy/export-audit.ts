import { eq, or } from 'drizzle-orm';
import { getDb } from '../db';
import { auditLog } from '../db/schema';

/**
 * protokoll.json: the log entries by or about the person. The address is the actor's: a
 * trainer's or admin's stays out of the learner's copy.
 */
export function auditEntriesOf(userId: string) {
	return getDb()
		.select({
			at: auditLog.at,
			actorId: auditLog.actorId,
			action: auditLog.action,
			objectType: auditLog.objectType,
			objectId: auditLog.objectId,
			ip: auditLog.ip,
			details: auditLog.details
		})
		.from(auditLog)
		.where(or(eq(auditLog.subjectUserId, userId), eq(auditLog.actorId, userId)))
		.all()
		.map((entry) => ({ ...entry, ip: entry.actorId === userId ? entry.ip : null }));
}
