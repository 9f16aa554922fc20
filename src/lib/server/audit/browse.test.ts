import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { getDb } from '../db';
import { useFreshDatabase } from '$test/unit/test-database';
import { auditCsv, filterQuery, listAuditLog, parseAuditFilter } from './browse';
import { recordAudit } from './index';

let admin: { id: string };
let learner: { id: string };

beforeEach(async () => {
	useFreshDatabase();
	const password = 'Sonnenblume Fahrrad Brücke';
	admin = await createUser({ name: 'Ada Admin', email: 'ada@x.org', password, role: 'admin' });
	learner = await createUser({
		name: '=Lea Formel',
		email: 'lea@x.org',
		password,
		role: 'learner'
	});
	const db = getDb();
	recordAudit(
		{ actorId: admin.id, action: 'login.succeeded', ip: '203.0.113.1' },
		db,
		new Date('2026-05-01T10:00:00Z')
	);
	recordAudit(
		{ actorId: admin.id, action: 'user.deactivated', subjectUserId: learner.id },
		db,
		new Date('2026-05-02T10:00:00Z')
	);
	recordAudit({ actorId: null, action: 'audit_log.purged' }, db, new Date('2026-05-03T23:59:00Z'));
});

describe('browsing the audit log', () => {
	it('filters by action, by person (name, address or ID, as actor or subject) and by days', () => {
		const actions = (params: string) =>
			listAuditLog(parseAuditFilter(new URLSearchParams(params)), 1).rows.map((row) => row.action);
		expect(actions('')).toEqual(['audit_log.purged', 'user.deactivated', 'login.succeeded']);
		expect(actions('aktion=user.deactivated')).toEqual(['user.deactivated']);
		expect(actions('person=lea@x')).toEqual(['user.deactivated']);
		expect(actions(`person=${learner.id}`)).toEqual(['user.deactivated']);
		expect(actions('person=Ada')).toEqual(['user.deactivated', 'login.succeeded']);
		expect(actions('von=2026-05-02&bis=2026-05-03')).toEqual([
			'audit_log.purged',
			'user.deactivated'
		]);
	});

	it('ignores filter values it does not know instead of failing', () => {
		const filter = parseAuditFilter(
			new URLSearchParams('aktion=drop table&von=2026-13-45&bis=gestern&person=%20%20')
		);
		expect(filter).toEqual({});
		// Date.parse would roll 30 February over into March.
		expect(parseAuditFilter(new URLSearchParams('von=2026-02-30&bis=2026-02-31'))).toEqual({});
		expect(
			filterQuery(parseAuditFilter(new URLSearchParams('aktion=login.failed&von=2026-01-01')))
		).toEqual({
			aktion: 'login.failed',
			von: '2026-01-01'
		});
	});

	it('exports CSV for Excel with names, IP and no formula a name could smuggle in', () => {
		const csv = auditCsv({ action: 'user.deactivated' }, [
			'Zeitpunkt',
			'Aktion',
			'a',
			'b',
			'c',
			'd',
			'e',
			'f',
			'g',
			'h'
		]);
		expect(csv.startsWith('\ufeffZeitpunkt;Aktion;')).toBe(true);
		const line = csv.split('\r\n')[1]!;
		expect(line).toContain('2026-05-02T10:00:00.000Z;user.deactivated;');
		expect(line).toContain("'=Lea Formel");
		expect(csv).not.toContain('login.succeeded');
	});
});
