import { and, count, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';
import { containsText } from '../db/like';
import { auditLog, users } from '../db/schema';
import { toCsv } from '../http/csv';
import { auditActions, type AuditAction } from './actions';
import { pageOfQuery } from '../db/paging';
import { isIsoDate } from '$lib/date-range';

export interface AuditFilter {
	action?: AuditAction;
	/** Part of a name or e-mail address, or an account ID: entries by or about that person. */
	person?: string;
	/** Calendar days (YYYY-MM-DD, UTC), both included. */
	from?: string;
	to?: string;
}

/** The filter from the page's query string (`aktion`, `person`, `von`, `bis`); junk is ignored. */
export function parseAuditFilter(params: URLSearchParams): AuditFilter {
	const action = params.get('aktion') ?? '';
	const person = (params.get('person') ?? '').trim().slice(0, 200);
	const from = params.get('von') ?? '';
	const to = params.get('bis') ?? '';
	return {
		...((auditActions as readonly string[]).includes(action)
			? { action: action as AuditAction }
			: {}),
		...(person ? { person } : {}),
		...(isIsoDate(from) ? { from } : {}),
		...(isIsoDate(to) ? { to } : {})
	};
}

export function filterQuery(filter: AuditFilter): Record<string, string> {
	return {
		...(filter.action ? { aktion: filter.action } : {}),
		...(filter.person ? { person: filter.person } : {}),
		...(filter.from ? { von: filter.from } : {}),
		...(filter.to ? { bis: filter.to } : {})
	};
}

const actor = alias(users, 'actor');
const subject = alias(users, 'subject');

function conditions(filter: AuditFilter): SQL | undefined {
	const parts: SQL[] = [];
	if (filter.action) parts.push(eq(auditLog.action, filter.action));
	if (filter.from) parts.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00Z`)));
	if (filter.to) {
		const end = new Date(`${filter.to}T00:00:00Z`);
		parts.push(lt(auditLog.at, new Date(end.getTime() + 24 * 60 * 60 * 1000)));
	}
	if (filter.person) {
		const text = filter.person;
		const match = or(
			eq(auditLog.actorId, text),
			eq(auditLog.subjectUserId, text),
			containsText(actor.name, text),
			containsText(actor.email, text),
			containsText(subject.name, text),
			containsText(subject.email, text)
		);
		if (match) parts.push(match);
	}
	return parts.length ? and(...parts) : undefined;
}

function query(filter: AuditFilter) {
	return getDb()
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			actorId: auditLog.actorId,
			actorName: actor.name,
			objectType: auditLog.objectType,
			objectId: auditLog.objectId,
			subjectUserId: auditLog.subjectUserId,
			subjectName: subject.name,
			ip: auditLog.ip,
			details: auditLog.details
		})
		.from(auditLog)
		.leftJoin(actor, eq(actor.id, auditLog.actorId))
		.leftJoin(subject, eq(subject.id, auditLog.subjectUserId))
		.where(conditions(filter))
		.orderBy(desc(auditLog.at), desc(auditLog.id));
}

export type AuditRow = Awaited<ReturnType<ReturnType<typeof query>['all']>>[number];

export const AUDIT_PAGE_SIZE = 50;

export function listAuditLog(filter: AuditFilter, page: number) {
	return pageOfQuery(
		getDb()
			.select({ n: count() })
			.from(auditLog)
			.leftJoin(actor, eq(actor.id, auditLog.actorId))
			.leftJoin(subject, eq(subject.id, auditLog.subjectUserId))
			.where(conditions(filter)),
		query(filter),
		page,
		AUDIT_PAGE_SIZE
	);
}

/** At most this many rows per CSV download (narrow the filter for more). */
export const AUDIT_CSV_LIMIT = 50_000;

/** The filtered log as CSV for Excel (semicolons, BOM); ISO times in UTC. */
export function auditCsv(filter: AuditFilter, header: string[]): string {
	const rows = query(filter).limit(AUDIT_CSV_LIMIT).all();
	return toCsv(
		header,
		rows.map((row) => [
			row.at.toISOString(),
			row.action,
			row.actorId ?? '',
			row.actorName ?? '',
			row.objectType ?? '',
			row.objectId ?? '',
			row.subjectUserId ?? '',
			row.subjectName ?? '',
			row.ip ?? '',
			row.details ? JSON.stringify(row.details) : ''
		])
	);
}
