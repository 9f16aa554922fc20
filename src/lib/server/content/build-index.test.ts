import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildWith,
	COURSE,
	courseFile,
	ITEM,
	lessonFile,
	lines,
	MODULE,
	moduleFile,
	problemsIn
} from '../../../../tests/fixtures/content/helpers';
import { buildContentIndex } from './build-index';
import { readContentDir } from './disk';

const fixture = (name: string) => resolve(import.meta.dirname, '../../../../tests/fixtures/content', name);

describe('content index from the valid fixture', () => {
	const { files, assets } = readContentDir(fixture('valid'));
	const { index, errors, warnings } = buildContentIndex(files, { assets });

	it('has no problems', () => {
		expect(errors).toEqual([]);
		expect(warnings).toEqual([]);
	});

	it('orders courses, modules and items by their NN- prefix, unprefixed names last', () => {
		expect(index.courses.map((course) => course.id)).toEqual(['grundlagen', 'zweiter-kurs']);
		const course = index.courseById.get('grundlagen')!;
		expect(course.modules.map((module) => module.id)).toEqual([
			'grundlagen/ankommen',
			'grundlagen/praxis'
		]);
		expect(course.modules[1]!.items.map((item) => [item.id, item.order])).toEqual([
			['grundlagen/praxis/aufgabe', 0],
			['grundlagen/praxis/rueckblick', 1]
		]);
	});

	it('lets a frontmatter id override the slug part of module and item ids', () => {
		expect(index.moduleById.get('grundlagen/praxis')).toMatchObject({ slug: 'praxis', order: 1 });
		expect(index.moduleLocationById.get('grundlagen/praxis')).toEqual({
			courseDir: '01-grundlagen',
			moduleDir: '02-vertiefung'
		});
		expect(index.itemPathById.get('grundlagen/praxis/rueckblick')).toBe(
			'courses/01-grundlagen/02-vertiefung/zusammenfassung.md'
		);
	});

	it('keeps the course meta the pages need', () => {
		expect(index.courseById.get('grundlagen')).toMatchObject({
			title: 'Grundlagen der Sprachmittlung',
			language: 'de',
			unlock: 'sequential',
			certificate: { kind: 'zertifikat', title: 'Sprachmittlung – Grundlagen', hours: 4 }
		});
		expect(index.courseById.get('zweiter-kurs')).toMatchObject({ unlock: 'open', language: 'en', order: 1 });
		expect(index.moduleById.get('grundlagen/ankommen')).toMatchObject({
			hours: 2,
			objectives: ['Ämter unterscheiden', 'Fristen kennen']
		});
		expect(index.itemById.get('grundlagen/ankommen/willkommen')).toEqual({
			id: 'grundlagen/ankommen/willkommen',
			courseId: 'grundlagen',
			moduleId: 'grundlagen/ankommen',
			slug: 'willkommen',
			order: 0,
			type: 'lesson',
			title: 'Willkommen',
			minutes: 10,
			reflection: null,
			downloads: [],
			review: { stand: null, verantwortlich: null, naechstePruefung: null }
		});
		expect(index.itemById.get('grundlagen/praxis/aufgabe')).toEqual({
			id: 'grundlagen/praxis/aufgabe',
			courseId: 'grundlagen',
			moduleId: 'grundlagen/praxis',
			slug: 'aufgabe',
			order: 0,
			type: 'assignment',
			title: 'Ein Gespräch vorbereiten',
			submission: ['text', 'file'],
			files: { types: ['pdf', 'docx'], maxMB: 5 },
			rubric: [
				{ id: 'vollstaendig', label: 'Vollständig übertragen', levels: [], required: false },
				{ id: 'rolle', label: 'Rolle geklärt', levels: [], required: false }
			],
			required: true,
			downloads: [],
			review: { stand: null, verantwortlich: null, naechstePruefung: null }
		});
	});

	it('keeps answers only in the quiz definitions, not in the item meta', () => {
		const meta = index.itemById.get('grundlagen/ankommen/wissenscheck')!;
		expect(JSON.stringify(meta)).not.toMatch(/Bürgeramt|correct|answers/);
		const quiz = index.quizById.get('grundlagen/ankommen/wissenscheck')!;
		expect(quiz).toMatchObject({ title: 'Wissenscheck Modul 1', passPercent: 75 });
		expect(quiz.questions.map((question) => [question.id, question.type])).toEqual([
			['anmeldung', 'single'],
			['aufgaben', 'multiple'],
			['ergänzen-sie', 'cloze'],
			['zuordnung', 'matching'],
			['schritte', 'ordering']
		]);
	});
});

describe('layout rules', () => {
	it('reports a course folder without course.md', () => {
		const result = buildWith({ [COURSE]: null, [ITEM]: lessonFile });
		expect(result.errors).toEqual([
			{ file: 'courses/01-kurs', line: 1, message: 'Der Kursordner hat keine course.md.' }
		]);
	});

	it('reports a module folder without module.md', () => {
		const result = buildWith({ [MODULE]: null, [ITEM]: lessonFile });
		expect(result.errors).toEqual([
			{ file: 'courses/01-kurs/01-modul', line: 1, message: 'Der Modulordner hat keine module.md.' }
		]);
	});

	it('reports a course without modules and a module without items', () => {
		expect(buildContentIndex([{ path: COURSE, raw: courseFile }]).errors).toEqual([
			{ file: COURSE, line: 1, message: 'Der Kurs hat keine Module.' }
		]);
		expect(buildWith({}).errors).toEqual([
			{ file: MODULE, line: 1, message: 'Das Modul hat keine Einträge (Lektionen, Quizze oder Aufgaben).' }
		]);
	});

	it('reports Markdown outside the course layout', () => {
		const result = buildWith({ [ITEM]: lessonFile, 'courses/01-kurs/notizen.md': '# Notizen\n' });
		expect(problemsIn(result.errors, 'courses/01-kurs/notizen.md')).toEqual([
			'1: Diese Datei passt nicht in den Aufbau courses/<kurs>/course.md, courses/<kurs>/<modul>/module.md oder courses/<kurs>/<modul>/<eintrag>.md.'
		]);
	});

	it('reports duplicate ids with the other file', () => {
		const result = buildWith({
			[ITEM]: lessonFile,
			'courses/01-kurs/01-modul/02-eintrag.md': lessonFile
		});
		// In both files: either may be the one that just changed.
		expect(result.errors).toEqual([
			{
				file: ITEM,
				line: 1,
				message: 'Doppelte ID „kurs/modul/eintrag“ (auch in courses/01-kurs/01-modul/02-eintrag.md).'
			},
			{
				file: 'courses/01-kurs/01-modul/02-eintrag.md',
				line: 1,
				message: `Doppelte ID „kurs/modul/eintrag“ (auch in ${ITEM}).`
			}
		]);
	});

	it('warns about text below the frontmatter of course and module pages, which no one sees', () => {
		const result = buildWith({
			[COURSE]: `${courseFile}\nEine Einführung.\n`,
			[MODULE]: `${moduleFile}\n\n## Ziele\n`,
			[ITEM]: lessonFile
		});
		const unshown = (file: string) =>
			problemsIn(result.warnings, file).filter((problem) => problem.includes('nicht angezeigt'));
		expect(unshown(COURSE)).toEqual([expect.stringMatching(/^6: Text unter den Angaben/)]);
		expect(unshown(MODULE)).toEqual([expect.stringMatching(/^6: Text unter den Angaben/)]);
		expect(result.errors).toEqual([]);
		expect(buildWith({ [ITEM]: lessonFile }).warnings).toEqual([]);
	});

	it('shows a duplicate on the id line of the earlier file, where the author set it', () => {
		const result = buildWith({
			[ITEM]: lines('---', 'title: X', 'id: anders', '---'),
			'courses/01-kurs/01-modul/02-anders.md': lessonFile
		});
		expect(problemsIn(result.errors, ITEM)).toEqual([
			'3: Doppelte ID „kurs/modul/anders“ (auch in courses/01-kurs/01-modul/02-anders.md).'
		]);
	});

	it('points a duplicate from an id override at its id line', () => {
		const result = buildWith({
			[ITEM]: lessonFile,
			'courses/01-kurs/01-modul/02-anders.md': lines('---', 'title: X', 'id: eintrag', '---')
		});
		expect(problemsIn(result.errors, 'courses/01-kurs/01-modul/02-anders.md')).toEqual([
			`3: Doppelte ID „kurs/modul/eintrag“ (auch in ${ITEM}).`
		]);
	});

	it('reports a folder name that gives no valid id', () => {
		const result = buildWith({ 'courses/01-kurs/01-modul/02-Über uns.md': lessonFile, [ITEM]: lessonFile });
		expect(problemsIn(result.errors, 'courses/01-kurs/01-modul/02-Über uns.md')).toEqual([
			'1: Der Name „02-Über uns“ ergibt keine gültige ID (erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche): umbenennen oder „id:“ in der Datei setzen.'
		]);
	});

	it('still reports problems in items of a broken module', () => {
		const result = buildWith({
			[MODULE]: lines('---', 'titel: M', '---'),
			[ITEM]: lines('---', 'title: L', 'foo: 1', '---')
		});
		expect(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
			`${ITEM}:3: Unbekannter Schlüssel „foo“ im Frontmatter.`,
			`${MODULE}:1: Pflichtangabe „title“ fehlt.`,
			`${MODULE}:2: Unbekannter Schlüssel „titel“ im Frontmatter.`
		]);
		expect(result.index.courses[0]!.modules).toEqual([]);
	});

	it('warns (without failing) when module hours do not add up to the certificate hours', () => {
		const course = lines(
			'---',
			'title: K',
			'summary: S',
			'certificate:',
			'  kind: teilnahmebestaetigung',
			'  title: T',
			'  hours: 10',
			'---'
		);
		const result = buildWith({
			[COURSE]: course,
			[MODULE]: lines('---', 'title: M', 'hours: 8', '---'),
			[ITEM]: lessonFile
		});
		expect(result.errors).toEqual([]);
		expect(result.warnings).toEqual([
			{ file: COURSE, line: 7, message: 'Die Summe der Modul-UE (8) weicht von den UE des Zertifikats (10) ab.' }
		]);
	});

	it('reports certificate keys with wrong values', () => {
		const course = lines('---', 'title: K', 'summary: S', 'certificate:', '  kind: urkunde', '  title: T', '  hours: 0', '---');
		const result = buildWith({ [COURSE]: course, [ITEM]: lessonFile });
		expect(problemsIn(result.errors, COURSE)).toEqual([
			'5: „kind“ hat den ungültigen Wert „urkunde“; erlaubt: zertifikat, teilnahmebestaetigung.',
			'7: „hours“ muss größer als 0 sein.'
		]);
	});

	it('treats Markdown in a module subfolder as a file, not a page', () => {
		const result = buildWith({ [ITEM]: lessonFile, 'courses/01-kurs/01-modul/texte/t.md': '# Frei' });
		expect(result.errors).toEqual([]);
		expect(result.index.itemById.size).toBe(1);
		expect(moduleFile).toContain('title: Modul');
	});
});
