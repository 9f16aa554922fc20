import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pad = (n: number) => String(n).padStart(2, '0');

export function lesson(module: number, lesson: number): string {
	const paragraphs = Array.from(
		{ length: 6 },
		(_, i) =>
			`Absatz ${i + 1} der Lektion ${lesson} in Modul ${module}: Die Lotsin begleitet eine Familie ` +
			`zum Bürgeramt, erklärt den Ablauf und übersetzt das Gespräch vollständig und neutral.`
	);
	return `---\ntitle: "Lektion ${module}.${lesson}"\nminutes: 10\n---\n\n## Einstieg\n\n${paragraphs
		.slice(0, 3)
		.join(
			'\n\n'
		)}\n\n## Vertiefung\n\n${paragraphs.slice(3).join('\n\n')}\n\n| Stelle | Aufgabe |\n|---|---|\n| Bürgeramt | Anmeldung |\n| Jobcenter | Bürgergeld |\n`;
}

export function quiz(module: number, number: number): string {
	return `---\ntype: quiz\ntitle: "Test ${module}.${number}"\npassPercent: 60\n---\n
## Wo meldet man einen Wohnsitz an? {#wohnsitz}

- [ ] Im Jobcenter
- [x] Im Bürgeramt

## Was gehört zur Sprachmittlung? {#aufgaben .multiple}

- [x] Vollständig übertragen
- [ ] Eigene Ratschläge einfügen
- [x] Nachfragen

## Ergänzen Sie. {#frist}

Ein Widerspruch ist innerhalb eines [[Monats|Monat]] möglich.

## Ordnen Sie zu. {#zuordnung}

| Anliegen | Stelle |
|---|---|
| Bürgergeld | Jobcenter |
| Aufenthaltstitel | Landesamt für Einwanderung |

## Bringen Sie die Schritte in die Reihenfolge. {#schritte}

1. Termin vereinbaren
2. Unterlagen zusammenstellen
3. Termin wahrnehmen
`;
}

/** A synthetic course of 25 modules with 8 lessons and 2 quizzes each: 200 lessons, 50 quizzes. */
export function writeLargeCourse(contentDir: string): { lessons: number; quizzes: number } {
	const courseDir = join(contentDir, 'courses', '99-bench-grosser-kurs');
	mkdirSync(courseDir, { recursive: true });
	writeFileSync(
		join(courseDir, 'course.md'),
		'---\ntitle: "Großer Testkurs"\nsummary: "Erzeugt für Messungen."\nunlock: open\n---\n'
	);
	for (let m = 1; m <= 25; m += 1) {
		const moduleDir = join(courseDir, `${pad(m)}-modul-${m}`);
		mkdirSync(moduleDir, { recursive: true });
		writeFileSync(join(moduleDir, 'module.md'), `---\ntitle: "Modul ${m}"\nhours: 2\n---\n`);
		for (let l = 1; l <= 8; l += 1) {
			writeFileSync(join(moduleDir, `${pad(l)}-lektion-${l}.md`), lesson(m, l));
		}
		for (let q = 1; q <= 2; q += 1) {
			writeFileSync(join(moduleDir, `${pad(8 + q)}-test-${q}.md`), quiz(m, q));
		}
	}
	return { lessons: 200, quizzes: 50 };
}
