import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getDb } from '../src/lib/server/db';
import { auditLog, users } from '../src/lib/server/db/schema';
import { useFreshDatabase } from '$test/unit/test-database';

describe('npm run user:create', () => {
	it('creates an admin from a piped password and leaves an audit entry without an actor', () => {
		useFreshDatabase();
		const output = execFileSync(
			'npx',
			['tsx', 'scripts/user-create.ts', '--role', 'admin', '--email', 'neu@example.org'].concat([
				'--name',
				'Nele Neu'
			]),
			{ input: 'Sonnenblume Fahrrad Brücke\n', env: process.env, encoding: 'utf8' }
		);
		expect(output).toContain('Konto erstellt: neu@example.org (admin)');
		const user = getDb().select({ id: users.id }).from(users).get()!;
		expect(getDb().select().from(auditLog).all()).toEqual([
			expect.objectContaining({
				action: 'user.created',
				actorId: null,
				subjectUserId: user.id,
				details: { role: 'admin', via: 'command_line' }
			})
		]);
	}, 60_000);
});
