import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentDir } from './content-check';

const cwd = resolve(import.meta.dirname, '../..');

describe('content check report', () => {
	it('prints each problem as <file>:<line>: <message>, warnings marked, and a summary', async () => {
		const report = await checkContentDir('tests/fixtures/content/broken', cwd);
		const base = 'tests/fixtures/content/broken/courses/01-kurs';
		expect(report.lines).toEqual([
			`${base}/01-modul/01-lektion.md:3: Unbekannter Schlüssel „dauer“ im Frontmatter.`,
			`${base}/01-modul/01-lektion.md:8: Link-Ziel „bilder/karte.png“ existiert nicht.`,
			`${base}/01-modul/01-lektion.md:8: Warnung: „*“ wurde als Hervorhebung gelesen. Für das Gendersternchen bitte \\* schreiben (z. B. Lots\\*innen).`,
			`${base}/01-modul/02-test.md:6: Die Frage „Welche Stelle?“ hat keine richtige Antwort.`,
			`${base}/course.md:7: Warnung: Die Summe der Modul-UE (3) weicht von den UE des Zertifikats (5) ab.`,
			'Inhalt geprüft: 1 Kurs, 1 Modul, 1 Eintrag (davon 1 Quiz) – 3 Fehler, 2 Warnungen.'
		]);
		expect(report.errorCount).toBe(3);
	});

	it('passes the valid fixture', async () => {
		const report = await checkContentDir('tests/fixtures/content/valid', cwd);
		expect(report.errorCount).toBe(0);
		expect(report.lines).toEqual([
			'Inhalt geprüft: 2 Kurse, 3 Module, 6 Einträge (davon 2 Quizze) – 0 Fehler, 0 Warnungen.'
		]);
	});

	it('reads declared downloads, counts trainer material and dates reviews by the given day', async () => {
		const root = mkdtempSync(join(tmpdir(), 'content-check-'));
		try {
			cpSync(resolve(cwd, 'tests/fixtures/content/valid'), root, { recursive: true });
			const module = join(root, 'courses/01-grundlagen/01-ankommen');
			const lesson = join(module, '01-willkommen.md');
			const withKeys = readFileSync(lesson, 'utf8').replace(
				'minutes: 10',
				'minutes: 10\nnaechstePruefung: 2026-10\ndownloads:\n  - file: vorlage.docx\n    title: Vorlage'
			);
			writeFileSync(lesson, withKeys);
			writeFileSync(join(module, 'vorlage.docx'), 'Nur Text.');
			writeFileSync(
				join(module, '90-leitfaden.md'),
				'---\ntype: trainer\ntitle: Leitfaden\n---\n\n## Ablauf\n\nText.\n'
			);
			const report = await checkContentDir(root, root, new Date('2026-12-02T12:00:00Z'));
			const file = 'courses/01-grundlagen/01-ankommen/01-willkommen.md';
			expect(report.lines).toEqual([
				`${file}:4: Warnung: Die Prüfung war für Oktober 2026 vorgesehen und ist überfällig. Inhalt prüfen, dann „stand“ und „naechstePruefung“ neu setzen.`,
				`${file}:6: Download „vorlage.docx“ ist keine DOCX-Datei (Inhalt nicht erkannt). Datei neu speichern oder die Endung anpassen.`,
				'Inhalt geprüft: 2 Kurse, 3 Module, 6 Einträge (davon 2 Quizze), 1 Trainermaterial – 1 Fehler, 1 Warnung.'
			]);
			const inOctober = await checkContentDir(root, root, new Date('2026-10-15T12:00:00Z'));
			expect(inOctober.warningCount).toBe(0);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	it('fails when the folder has no courses/', async () => {
		const report = await checkContentDir('tests/fixtures', cwd);
		expect(report.errorCount).toBe(1);
		expect(report.lines).toEqual([
			'tests/fixtures/courses: Der Ordner fehlt; erwartet wird tests/fixtures/courses/<kurs>/course.md.'
		]);
	});
});

describe('content that could run code', () => {
	it('is reported with file, line and a German message, and fails the check', async () => {
		const report = await checkContentDir('tests/fixtures/content/unsafe', cwd);
		const file = 'tests/fixtures/content/unsafe/courses/01-kurs/01-modul/01-lektion.md';
		expect(report.lines).toEqual([
			`${file}:7: <script> ist in Inhalten nicht erlaubt (führt Code aus).`,
			`${file}:9: Link-Ziel „javascript:alert(1)“ ist nicht erlaubt: nur Dateien im Modulordner und Adressen mit http:, https:, mailto: oder tel:.`,
			`${file}:9: „{@html gefahr}“ ist Svelte-Code und in Inhalten nicht erlaubt. Geschweifte Klammern sind sonst normaler Text.`,
			`${file}:11: „onclick“ bei <div> ist nicht erlaubt: Ereignis-Angaben (on…) führen Code aus.`,
			'Inhalt geprüft: 1 Kurs, 1 Modul, 1 Eintrag (davon 0 Quizze) – 4 Fehler, 0 Warnungen.'
		]);
		expect(report.errorCount).toBe(4);
	});
});
