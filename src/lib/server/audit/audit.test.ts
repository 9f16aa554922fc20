import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import { schema } from '$lib/server/db';
import { recordAudit } from './index';

describe('audit log', () => {
	it('stores who did what to which object, and commits with the transaction it is written in', () => {
		const db = useFreshDatabase();
		recordAudit({
			actorId: 'admin-1',
			action: 'cohort.learner_moved',
			objectType: 'enrolment',
			objectId: 'enr-1',
			subjectUserId: 'learner-1',
			ip: '203.0.113.9',
			details: { from: 'cohort-a', to: 'cohort-b' }
		});
		expect(() =>
			db.transaction((tx) => {
				recordAudit({ actorId: 'admin-1', action: 'user.deactivated' }, tx);
				throw new Error('rolled back');
			})
		).toThrow('rolled back');
		const rows = db.select().from(schema.auditLog).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			actorId: 'admin-1',
			action: 'cohort.learner_moved',
			subjectUserId: 'learner-1',
			ip: '203.0.113.9',
			details: { from: 'cohort-a', to: 'cohort-b' }
		});
	});
});
