import { describe, expect, it } from 'vitest';
import { withoutBidiControls } from './text';

describe('withoutBidiControls', () => {
	it('removes overrides, embeddings, isolates and marks', () => {
		expect(withoutBidiControls('rechnung\u202Efdp.exe')).toBe('rechnungfdp.exe');
		expect(withoutBidiControls('\u2067Aylin\u2069 \u200FDemir\u061C')).toBe('Aylin Demir');
	});

	it('keeps right-to-left letters themselves', () => {
		expect(withoutBidiControls('آیلین دمیر')).toBe('آیلین دمیر');
	});
});

describe('the migration that cleans names stored earlier', () => {
	it('strips bidi controls from user, cohort, place and file names already in the database', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const { useFreshDatabase } = await import('$test/unit/test-database');
		const file = readdirSync('drizzle').find((name) => name.endsWith('_strip_bidi_controls.sql'))!;
		const db = useFreshDatabase().$client;
		db.prepare(
			"insert into users (id, email, name, password_hash) values ('u1', 'a@example.org', ?, '!')"
		).run('Aylin \u202EzimeD');
		db.prepare(
			"insert into cohorts (id, course_id, name, created_by) values ('c1', 'k', ?, 'u1')"
		).run('Kurs\u2067 A\u2069');
		for (const statement of readFileSync(`drizzle/${file}`, 'utf8').split(
			'--> statement-breakpoint'
		)) {
			db.exec(statement);
		}
		expect(db.prepare("select name from users where id = 'u1'").get()).toEqual({
			name: 'Aylin zimeD'
		});
		expect(db.prepare("select name from cohorts where id = 'c1'").get()).toEqual({
			name: 'Kurs A'
		});
	});
});
