import { and, asc, eq, isNull } from 'drizzle-orm';
import { generateId } from '../auth/tokens';
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
		if (!existing)
			tx.insert(moduleUnlocks)
				.values({ id: generateId(), ...input })
				.run();
	});
}

/** Takes an early unlock back; only within the given cohort. */
export function revokeUnlock(cohortId: string, unlockId: string): boolean {
	const result = getDb()
		.delete(moduleUnlocks)
		.where(and(eq(moduleUnlocks.id, unlockId), eq(moduleUnlocks.cohortId, cohortId)))
		.run();
	return result.changes === 1;
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
