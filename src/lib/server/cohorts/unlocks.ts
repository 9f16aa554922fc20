import { recordAudit } from '../audit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { moduleUnlocks, users } from '../db/schema';

export interface ModuleUnlock {
	id: string;
	moduleId: string;
	/** null: the whole cohort. */
	userId: string | null;
	userName: string | null;
	unlockedByName: string;
	createdAt: Date;
}

/**
 * Opens a module early for one learner (userId) or the whole cohort (null). Idempotent; the
 * caller checks that the module belongs to the cohort's course and the learner to the cohort.
 */
export function unlockModule(input: {
	cohortId: string;
	moduleId: string;
	userId: string | null;
	unlockedBy: string;
}): void {
	const db = getDb();
	const target = input.userId
		? eq(moduleUnlocks.userId, input.userId)
		: isNull(moduleUnlocks.userId);
	db.transaction((tx) => {
		const existing = tx
			.select({ id: moduleUnlocks.id })
			.from(moduleUnlocks)
			.where(
				and(
					eq(moduleUnlocks.cohortId, input.cohortId),
					eq(moduleUnlocks.moduleId, input.moduleId),
					target
				)
			)
			.get();
		if (existing) return;
		const id = generateId();
		tx.insert(moduleUnlocks)
			.values({ id, ...input })
			.run();
		recordAudit(
			{
				actorId: input.unlockedBy,
				action: 'cohort.module_unlocked',
				objectType: 'cohort',
				objectId: input.cohortId,
				subjectUserId: input.userId,
				details: { moduleId: input.moduleId, unlockId: id }
			},
			tx
		);
	});
}

/** Takes an early unlock back; only within the given cohort. */
export function revokeUnlock(
	cohortId: string,
	unlockId: string,
	actorId: string | null = null
): boolean {
	return getDb().transaction((tx) => {
		const removed = tx
			.delete(moduleUnlocks)
			.where(and(eq(moduleUnlocks.id, unlockId), eq(moduleUnlocks.cohortId, cohortId)))
			.returning({ moduleId: moduleUnlocks.moduleId, userId: moduleUnlocks.userId })
			.get();
		if (!removed) return false;
		recordAudit(
			{
				actorId,
				action: 'cohort.module_unlocked',
				objectType: 'cohort',
				objectId: cohortId,
				subjectUserId: removed.userId,
				details: { moduleId: removed.moduleId, unlockId, revoked: true }
			},
			tx
		);
		return true;
	});
}

export function listUnlocks(cohortId: string): ModuleUnlock[] {
	const db = getDb();
	const rows = db
		.select({
			id: moduleUnlocks.id,
			moduleId: moduleUnlocks.moduleId,
			userId: moduleUnlocks.userId,
			unlockedBy: moduleUnlocks.unlockedBy,
			createdAt: moduleUnlocks.createdAt
		})
		.from(moduleUnlocks)
		.where(eq(moduleUnlocks.cohortId, cohortId))
		.orderBy(asc(moduleUnlocks.createdAt))
		.all();
	const names = new Map(
		db
			.select({ id: users.id, name: users.name })
			.from(users)
			.all()
			.map((u) => [u.id, u.name])
	);
	return rows.map((row) => ({
		id: row.id,
		moduleId: row.moduleId,
		userId: row.userId,
		userName: row.userId ? (names.get(row.userId) ?? null) : null,
		unlockedByName: names.get(row.unlockedBy) ?? '',
		createdAt: row.createdAt
	}));
}
