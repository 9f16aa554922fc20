import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { BoundedMap } from '../../bounded-map';
import type { QuizDefinition } from '$lib/content/quiz-types';
import { deepFreeze } from '../../deep-freeze';
import { getDb } from '../db';
import { preparedQuery } from '../db/prepared';
import { quizSnapshots } from '../db/schema';

// A quiz version is stored once and shared by all attempts started on it. Its id is the sha256 of
// its JSON, so a snapshot never changes under its id and can be kept in memory without being
// invalidated.

/** Distinct quiz versions kept parsed in memory; more are read from the database again. */
const MAX_REMEMBERED = 256;
const remembered = new BoundedMap<string, QuizDefinition>(MAX_REMEMBERED);
const CONTENT_ADDRESSED = /^[0-9a-f]{64}$/;

/** Stores the quiz as it is now (once per version) and returns the id attempts refer to. */
export function storeQuizSnapshot(quiz: QuizDefinition): string {
	const id = createHash('sha256').update(JSON.stringify(quiz)).digest('hex');
	getDb().insert(quizSnapshots).values({ id, snapshot: quiz }).onConflictDoNothing().run();
	return id;
}

const snapshotById = preparedQuery((db) =>
	db
		.select({ snapshot: quizSnapshots.snapshot })
		.from(quizSnapshots)
		.where(eq(quizSnapshots.id, sql.placeholder('id')))
		.prepare()
);

/**
 * The quiz an attempt was started on. Frozen: it is shared by every caller. Snapshots moved out of
 * attempts by the migration (`migrated-…`) are not content-addressed and are read each time.
 */
export function quizSnapshot(id: string): QuizDefinition | undefined {
	const known = remembered.get(id);
	if (known) return known;
	const row = snapshotById().get({ id });
	if (!row) return undefined;
	const quiz = deepFreeze(row.snapshot);
	if (CONTENT_ADDRESSED.test(id)) remembered.set(id, quiz);
	return quiz;
}

/**
 * Quiz versions no attempt refers to any more (their attempts were erased with an account or a
 * cohort's data). They hold no personal data; this only keeps the table from growing.
 */
export function purgeUnusedQuizSnapshots(): number {
	return getDb()
		.delete(quizSnapshots)
		.where(sql`${quizSnapshots.id} not in (select snapshot_id from quiz_attempts)`)
		.run().changes;
}
