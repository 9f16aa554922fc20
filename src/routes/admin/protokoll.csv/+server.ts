import { m } from '$lib/paraglide/messages.js';
import { recordAudit } from '$lib/server/audit';
import { auditCsv, parseAuditFilter } from '$lib/server/audit/browse';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** The filtered audit log as CSV; the download itself is logged (it holds personal data). */
export const GET: RequestHandler = (event) => {
	const admin = requireUser(event, 'admin');
	const filter = parseAuditFilter(event.url.searchParams);
	const body = auditCsv(filter, [
		m.privacy_audit_col_at_utc(),
		m.privacy_audit_col_action(),
		m.privacy_audit_col_actor_id(),
		m.privacy_audit_col_actor(),
		m.privacy_audit_col_object_type(),
		m.privacy_audit_col_object(),
		m.privacy_audit_col_subject_id(),
		m.privacy_audit_col_subject(),
		m.privacy_audit_col_ip(),
		m.privacy_audit_col_details()
	]);
	recordAudit({
		actorId: admin.id,
		action: 'data.exported',
		objectType: 'audit_log',
		details: { filter: { ...filter } }
	});
	const day = new Date().toISOString().slice(0, 10);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="protokoll-${day}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
