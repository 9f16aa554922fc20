import { describe, expect, it } from 'vitest';
import { asOneLine, withoutControls, withoutControlsInForm } from './text';

describe('withoutControls', () => {
	it('removes overrides, embeddings, isolates and marks', () => {
		expect(withoutControls('rechnung\u202Efdp.exe')).toBe('rechnungfdp.exe');
		expect(withoutControls('\u2067Aylin\u2069 \u200FDemir\u061C')).toBe('Aylin Demir');
	});

	it('keeps right-to-left letters themselves', () => {
		expect(withoutControls('آیلین دمیر')).toBe('آیلین دمیر');
	});

	it('removes C0, DEL and C1 controls but keeps tabs and line breaks', () => {
		expect(withoutControls('Selin\u0001\u0007 Y\u0000ıldız\u007f\u0085')).toBe('Selin Yıldız');
		expect(withoutControls('Zeile 1\r\nZeile\t2')).toBe('Zeile 1\r\nZeile\t2');
	});
});

describe('asOneLine', () => {
	it('makes line breaks and tabs in a name single spaces', () => {
		expect(asOneLine('Aylin\r\n\tDemir\u0001')).toBe('Aylin Demir');
	});
});

describe('withoutControlsInForm', () => {
	it('cleans every text field, keeps passwords and files as sent', () => {
		const form = new FormData();
		form.append('name', 'Selin\u0001 Yıldız');
		form.append('text', 'a\u0000b\nc');
		form.append('text', 'zweites\u0007');
		form.append('password', 'geheim\u0001');
		const file = new File(['\u0001'], 'a.txt');
		form.append('datei', file);
		const cleaned = withoutControlsInForm(form);
		expect(cleaned.get('name')).toBe('Selin Yıldız');
		expect(cleaned.getAll('text')).toEqual(['ab\nc', 'zweites']);
		expect(cleaned.get('password')).toBe('geheim\u0001');
		expect(cleaned.get('datei')).toBeInstanceOf(File);
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

	it('strips control characters from names stored before, tabs and line breaks as spaces', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const { useFreshDatabase } = await import('$test/unit/test-database');
		const file = readdirSync('drizzle').find((name) =>
			name.endsWith('_strip_control_characters.sql')
		)!;
		const db = useFreshDatabase().$client;
		const insert = db.prepare(
			'insert into users (id, email, name, password_hash) values (?, ?, ?, ?)'
		);
		insert.run('u1', 'a@example.org', 'Selin\u0001\u0007 Yıldız\u0085', '!');
		insert.run('u2', 'b@example.org', 'Aylin\r\nDemir', '!');
		insert.run('u3', 'c@example.org', 'Ünal Şahin-Öztürk', '!');
		db.prepare(
			"insert into cohorts (id, course_id, name, created_by) values ('c1', 'k', ?, 'u1')"
		).run('Kurs\u001fA');
		for (const statement of readFileSync(`drizzle/${file}`, 'utf8').split(
			'--> statement-breakpoint'
		)) {
			db.exec(statement);
		}
		expect(db.prepare('select name from users order by id').all()).toEqual([
			{ name: 'Selin Yıldız' },
			{ name: 'Aylin  Demir' },
			{ name: 'Ünal Şahin-Öztürk' }
		]);
		expect(db.prepare("select name from cohorts where id = 'c1'").get()).toEqual({
			name: 'KursA'
		});
	});
});
