import { getDb, schema, type Db } from '$lib/server/db';
import type { AuditAction } from './actions';
import { currentRequestIp } from '../http/request-context';

export { auditActions, type AuditAction } from './actions';

export interface AuditEntry {
	actorId: string | null;
	action: AuditAction;
	objectType?: string;
	objectId?: string;
	subjectUserId?: string | null;
	ip?: string | null;
	details?: Record<string, unknown>;
}

/** A database or an open transaction: pass the transaction so the entry commits with the change. */
type Writer = Pick<Db, 'insert'>;

/**
 * Appends one entry. Call it inside the transaction of the change it records. Without an `ip`,
 * the address of the request being handled is recorded (none for scheduled jobs).
 */
export function recordAudit(entry: AuditEntry, writer: Writer = getDb(), at = new Date()): void {
	writer
		.insert(schema.auditLog)
		.values({
			at,
			actorId: entry.actorId,
			action: entry.action,
			objectType: entry.objectType ?? null,
			objectId: entry.objectId ?? null,
			subjectUserId: entry.subjectUserId ?? null,
			ip: entry.ip ?? currentRequestIp(),
			details: entry.details ?? null
		})
		.run();
}
