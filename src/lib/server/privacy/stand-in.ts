import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { users } from '../db/schema';

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/**
 * A fresh anonymous account that keeps what must outlive a person (quiz attempts for the
 * statistics, reviews they wrote, certificates kept verifiable): no name, no address, no login.
 * A new one per erasure, so nothing links the rows of two erased people.
 */
export function createStandIn(tx: Tx, now: Date): string {
	const id = generateId();
	tx.insert(users)
		.values({
			id,
			email: `geloescht-${id}@invalid`,
			name: 'Gelöschte Person',
			passwordHash: '!',
			role: 'learner',
			active: false,
			createdAt: now,
			erasedAt: now
		})
		.run();
	return id;
}
