import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import { account, createInvitingTrainer, DAY } from '$test/unit/invite-helpers';
import { createInvite, redeemInvite, revokeCohortInvite } from '../auth/invites';
import { createUser } from '../auth/users';
import { auditLog, invites } from '../db/schema';
import { createCohort } from './cohorts';
import { isOpenCohortInvite, listOpenCohortInvites, OPEN_INVITES_PAGE_SIZE } from './open-invites';

describe('open invitations of a cohort', () => {
	let db: ReturnType<typeof useFreshDatabase>;
	let trainerId: string;
	let cohortId: string;
	let otherCohortId: string;

	const newCohort = (name: string) =>
		createCohort(
			'probe-ikbo',
			{ name, trainerIds: [trainerId], followUpDate: null, modules: [] },
			trainerId
		);
	const invite = (extra: Partial<Parameters<typeof createInvite>[0]> = {}) =>
		createInvite({
			role: 'learner',
			maxUses: 1,
			expiresAt: new Date(Date.now() + DAY),
			createdBy: trainerId,
			cohortId,
			...extra
		});
	const openIds = () => listOpenCohortInvites(cohortId, 1).rows.map((row) => row.id);

	beforeEach(async () => {
		db = useFreshDatabase();
		trainerId = (await createInvitingTrainer()).id;
		cohortId = newCohort('Frühjahr');
		otherCohortId = newCohort('Herbst');
	});

	it('lists only invitations into this cohort that can still be used', async () => {
		const open = invite({ email: 'offen@example.org', name: 'Offene Person' });
		const group = invite({ maxUses: 5 });
		const expired = invite({ expiresAt: new Date(Date.now() - 1) });
		const revoked = invite();
		revokeCohortInvite(revoked.id, cohortId, trainerId);
		const accepted = invite({ email: 'neu@example.org' });
		expect((await redeemInvite(accepted.token, account('neu@example.org'))).ok).toBe(true);
		const elsewhere = invite({ cohortId: otherCohortId });

		const list = listOpenCohortInvites(cohortId, 1);
		expect(list.total).toBe(2);
		expect(list.rows.map((row) => row.id).sort()).toEqual([open.id, group.id].sort());
		expect(list.rows.find((row) => row.id === open.id)).toMatchObject({
			email: 'offen@example.org',
			name: 'Offene Person',
			createdByName: 'Trainerin'
		});
		for (const closed of [expired, revoked, accepted, elsewhere]) {
			expect(isOpenCohortInvite(cohortId, closed.id)).toBe(false);
		}
		expect(isOpenCohortInvite(cohortId, open.id)).toBe(true);
		expect(isOpenCohortInvite(otherCohortId, open.id)).toBe(false);
	});

	it('pages the list', () => {
		for (let i = 0; i < OPEN_INVITES_PAGE_SIZE + 3; i++) invite();
		expect(listOpenCohortInvites(cohortId, 1).rows).toHaveLength(OPEN_INVITES_PAGE_SIZE);
		expect(listOpenCohortInvites(cohortId, 2)).toMatchObject({ page: 2, pages: 2, total: 28 });
		expect(listOpenCohortInvites(cohortId, 2).rows).toHaveLength(3);
	});

	it("lets a co-trainer withdraw another trainer's invitation into the cohort, and only there", async () => {
		const coTrainer = await createUser({
			email: 'ko@example.org',
			name: 'Ko',
			password: 'Fahrrad Kanal Brücke',
			role: 'trainer'
		});
		const { id } = invite();
		expect(revokeCohortInvite(id, otherCohortId, coTrainer.id)).toBe(false);
		expect(openIds()).toEqual([id]);
		expect(revokeCohortInvite(id, cohortId, coTrainer.id)).toBe(true);
		expect(openIds()).toEqual([]);
		expect(revokeCohortInvite(id, cohortId, coTrainer.id)).toBe(false);
		const row = db.select().from(invites).where(eq(invites.id, id)).get()!;
		expect(row.revokedAt).toBeInstanceOf(Date);
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'invite.revoked')).all();
		expect(audit.map((entry) => [entry.objectId, entry.actorId])).toEqual([[id, coTrainer.id]]);
	});
});
