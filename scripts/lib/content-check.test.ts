import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentDir } from './content-check';

const cwd = resolve(import.meta.dirname, '../..');

describe('content check report', () => {
	it('prints each problem as <file>:<line>: <message>, warnings marked, and a summary', () => {
		const report = checkContentDir('tests/fixtures/content/broken', cwd);
		const base = 'tests/fixtures/content/broken/courses/01-kurs';
		expect(report.lines).toEqual([
			`${base}/01-modul/01-lektion.md:3: Unbekannter Schlüssel „dauer“ im Frontmatter.`,
			`${base}/01-modul/01-lektion.md:8: Link-Ziel „bilder/karte.png“ existiert nicht.`,
			`${base}/01-modul/01-lektion.md:8: Warnung: „*“ wurde als Hervorhebung gelesen. Für das Gendersternchen bitte \\* schreiben (z. B. Lots\\*innen).`,
			`${base}/01-modul/02-test.md:6: Die Frage „Welche Stelle?“ hat keine richtige Antwort.`,
			`${base}/course.md:7: Warnung: Die Summe der Modul-UE (3) weicht von den UE des Zertifikats (5) ab.`,
			'Inhalt geprüft: 1 Kurs, 1 Modul, 1 Eintrag (davon 1 Test) – 3 Fehler, 2 Warnungen.'
		]);
		expect(report.errorCount).toBe(3);
	});

	it('passes the valid fixture', () => {
		const report = checkContentDir('tests/fixtures/content/valid', cwd);
		expect(report.errorCount).toBe(0);
		expect(report.lines).toEqual([
			'Inhalt geprüft: 2 Kurse, 3 Module, 6 Einträge (davon 2 Tests) – 0 Fehler, 0 Warnungen.'
		]);
	});

	it('fails when the folder has no courses/', () => {
		const report = checkContentDir('tests/fixtures', cwd);
		expect(report.errorCount).toBe(1);
		expect(report.lines).toEqual([
			'tests/fixtures/courses: Der Ordner fehlt; erwartet wird tests/fixtures/courses/<kurs>/course.md.'
		]);
	});
});

describe('content that could run code', () => {
	it('is reported with file, line and a German message, and fails the check', () => {
		const report = checkContentDir('tests/fixtures/content/unsafe', cwd);
		const file = 'tests/fixtures/content/unsafe/courses/01-kurs/01-modul/01-lektion.md';
		expect(report.lines).toEqual([
			`${file}:7: <script> ist in Inhalten nicht erlaubt (führt Code aus).`,
			`${file}:9: Link-Ziel „javascript:alert(1)“ ist nicht erlaubt: nur Dateien im Modulordner und Adressen mit http:, https:, mailto: oder tel:.`,
			`${file}:9: „{@html gefahr}“ ist Svelte-Code und in Inhalten nicht erlaubt. Geschweifte Klammern sind sonst normaler Text.`,
			`${file}:11: „onclick“ bei <div> ist nicht erlaubt: Ereignis-Angaben (on…) führen Code aus.`,
			'Inhalt geprüft: 1 Kurs, 1 Modul, 1 Eintrag (davon 0 Tests) – 4 Fehler, 0 Warnungen.'
		]);
		expect(report.errorCount).toBe(4);
	});
});
