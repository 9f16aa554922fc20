import { beforeEach, describe, expect, it } from 'vitest';
import { users } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { countActiveAdmins, listUsers, setUserActive, setUserRole } from './users';

describe('admin user search', () => {
	beforeEach(() => {
		const db = useFreshDatabase();
		const person = (id: string, name: string, email: string) =>
			db.insert(users).values({ id, name, email, passwordHash: '!', role: 'learner' }).run();
		person('u1', 'Rabatt 100% Schmidt', 'schmidt@example.org');
		person('u2', 'Anna Müller', 'anna_mueller@example.org');
		person('u3', 'Jan Back\\slash', 'jan@example.org');
		person('u4', 'Bea Weiß', 'bea@example.org');
	});

	const found = (query: string) =>
		listUsers({ query })
			.rows.map((row) => row.id)
			.sort();

	it('finds % and _ literally, not as wildcards', () => {
		expect(found('%')).toEqual(['u1']);
		expect(found('_')).toEqual(['u2']);
		expect(found('0%')).toEqual(['u1']);
		expect(found('a_m')).toEqual(['u2']);
	});

	it('finds a backslash literally and plain text as before', () => {
		expect(found('\\')).toEqual(['u3']);
		expect(found('müller')).toEqual(['u2']);
		expect(found('example.org')).toEqual(['u1', 'u2', 'u3', 'u4']);
	});
});

describe('the last active admin', () => {
	it('can neither lose the role nor be deactivated, while another admin can', () => {
		const db = useFreshDatabase();
		const admin = (id: string) =>
			db
				.insert(users)
				.values({ id, name: id, email: `${id}@example.org`, passwordHash: '!', role: 'admin' })
				.run();
		admin('a1');
		admin('a2');
		expect(setUserRole('a1', 'trainer')).toBe(true);
		expect(setUserRole('a2', 'learner')).toBe(false);
		expect(setUserActive('a2', false)).toBe(false);
		expect(countActiveAdmins()).toBe(1);
		expect(setUserRole('a1', 'admin')).toBe(true);
		expect(setUserActive('a2', false)).toBe(true);
	});
});
