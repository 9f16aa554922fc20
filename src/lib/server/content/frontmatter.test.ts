import { describe, expect, it } from 'vitest';
import {
	buildWith,
	COURSE,
	ITEM,
	itemErrors,
	lines,
	MODULE,
	problemsIn
} from '../../../../tests/fixtures/content/helpers';

const lessonBody = ['', '## Start', '', 'Text.'];
/** A one-question quiz whose frontmatter has these lines after `type: quiz`. */
const quizWith = (...frontmatter: string[]) =>
	lines('---', 'type: quiz', ...frontmatter, '---', '', '## Frage', '', '- [x] A', '- [ ] B');

describe('frontmatter rules', () => {
	it('reports an unknown key with its line', () => {
		expect(itemErrors(lines('---', 'title: L', 'foo: 1', '---', ...lessonBody))).toEqual([
			'3: Unbekannter Schlüssel „foo“ im Frontmatter.'
		]);
	});

	it('reports an unknown key inside a nested block', () => {
		const course = lines(
			'---',
			'title: K',
			'summary: S',
			'certificate:',
			'  kind: zertifikat',
			'  title: Z',
			'  hours: 1',
			'  farbe: blau',
			'---'
		);
		const result = buildWith({ [COURSE]: course, [ITEM]: lines('---', 'title: L', '---') });
		expect(problemsIn(result.errors, COURSE)).toEqual([
			'8: Unbekannter Schlüssel „farbe“ im Frontmatter.'
		]);
	});

	it('reports a missing required key on the opening line', () => {
		expect(itemErrors(lines('---', 'minutes: 5', '---', ...lessonBody))).toEqual([
			'1: Pflichtangabe „title“ fehlt.'
		]);
	});

	it('reports a file without any frontmatter as missing its title', () => {
		expect(itemErrors(lines('## Start', '', 'Text.'))).toEqual(['1: Pflichtangabe „title“ fehlt.']);
	});

	it('reports required course keys', () => {
		const result = buildWith({
			[COURSE]: lines('---', 'title: K', '---'),
			[ITEM]: lines('---', 'title: L', '---')
		});
		expect(problemsIn(result.errors, COURSE)).toEqual(['1: Pflichtangabe „summary“ fehlt.']);
	});

	it('reports wrong types in German', () => {
		const quiz = quizWith('title: 42', 'passPercent: viel', 'shuffle: ja');
		expect(itemErrors(quiz)).toEqual([
			'3: „title“ muss Text sein.',
			'4: „passPercent“ muss eine Zahl sein.',
			'5: „shuffle“ muss true oder false sein.'
		]);
	});

	it('reports an invalid choice with the allowed values', () => {
		const result = buildWith({
			[COURSE]: lines('---', 'title: K', 'summary: S', 'unlock: manchmal', '---'),
			[ITEM]: lines('---', 'title: L', '---')
		});
		expect(problemsIn(result.errors, COURSE)).toEqual([
			'4: „unlock“ hat den ungültigen Wert „manchmal“; erlaubt: sequential, open.'
		]);
	});

	it('reports an unknown item type', () => {
		expect(itemErrors(lines('---', 'type: video', 'title: L', '---'))).toEqual([
			'2: „type“ hat den ungültigen Wert „video“; erlaubt: lesson, quiz, assignment, trainer.'
		]);
	});

	it('reports numbers out of range and bad attempts', () => {
		const quiz = quizWith('title: T', 'passPercent: 120', 'attempts: 0', 'draw: 1.5');
		expect(itemErrors(quiz)).toEqual([
			'4: „passPercent“ darf nicht größer als 100 sein.',
			'5: „attempts“ muss eine ganze Zahl ab 1 oder „unlimited“ sein.',
			'6: „draw“ muss eine ganze Zahl sein.'
		]);
	});

	it('reports an invalid id', () => {
		expect(itemErrors(lines('---', 'id: Meine Lektion', 'title: L', '---'))).toEqual([
			'2: Die ID „Meine Lektion“ ist ungültig: erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche.'
		]);
	});

	it('reports an empty list and a wrong list entry', () => {
		const module = lines('---', 'title: M', 'objectives:', '  - Ziel eins', '  - 3', '---');
		const result = buildWith({ [MODULE]: module, [ITEM]: lines('---', 'title: L', '---') });
		expect(problemsIn(result.errors, MODULE)).toEqual([
			'5: Eintrag 2 in „objectives“ muss Text sein.'
		]);
	});

	it('reports empty text, negative numbers, a bad language and an empty list', () => {
		const course = lines('---', 'title: ""', 'summary: S', 'language: deutsch', '---');
		const result = buildWith({ [COURSE]: course, [ITEM]: lines('---', 'title: L', '---') });
		expect(problemsIn(result.errors, COURSE)).toEqual([
			'2: „title“ darf nicht leer sein.',
			'4: „language“ muss ein Sprachcode wie „de“ oder „en“ sein.'
		]);
		const quiz = lines(
			'---',
			'type: quiz',
			'title: T',
			'passPercent: -1',
			'---',
			'',
			'## F',
			'',
			'- [x] A',
			'- [ ] B'
		);
		expect(itemErrors(quiz)).toEqual(['4: „passPercent“ darf nicht kleiner als 0 sein.']);
		const assignment = lines('---', 'type: assignment', 'title: A', 'submission: []', '---');
		expect(itemErrors(assignment)).toEqual(['4: „submission“ braucht mindestens einen Eintrag.']);
	});

	it('reports frontmatter that is not a block of keys', () => {
		expect(itemErrors(lines('---', '- title', '- L', '---'))).toEqual([
			'2: Das Frontmatter muss aus Schlüsseln bestehen (schluessel: wert).'
		]);
	});

	it('reports broken YAML with its line', () => {
		expect(itemErrors(lines('---', 'title: L', 'minutes: [1', '---'))[0]).toMatch(
			/^3: Das Frontmatter ist kein gültiges YAML: /
		);
	});

	it('explains a missing colon in German before the YAML library’s English detail', () => {
		expect(itemErrors(lines('---', 'title: L', 'kaputt', '---'))[0]).toMatch(
			/^3: Das Frontmatter ist kein gültiges YAML: Nach einem Schlüssel fehlt der Doppelpunkt.* \(Implicit map keys need to be followed by map values/
		);
	});

	it('reports a duplicate key', () => {
		expect(itemErrors(lines('---', 'title: L', 'title: M', '---'))[0]).toMatch(
			/^3: Das Frontmatter ist kein gültiges YAML: Ein Schlüssel steht zweimal \(Map keys must be unique/
		);
	});
});

describe('assignment rules', () => {
	const assignment = (...keys: string[]) =>
		lines('---', 'type: assignment', 'title: A', ...keys, '---', '', '## Aufgabe', '', 'Tun.');

	it('requires files when submission allows a file', () => {
		expect(itemErrors(assignment('submission: [text, file]'))).toEqual([
			'4: Pflichtangabe „files“ fehlt: „submission“ erlaubt Dateien.'
		]);
	});

	it('requires submission', () => {
		expect(itemErrors(assignment())).toEqual(['1: Pflichtangabe „submission“ fehlt.']);
	});

	it('rejects unknown submission kinds and file types', () => {
		expect(
			itemErrors(assignment('submission: [audio]')).concat(
				itemErrors(assignment('submission: [file]', 'files: { types: [exe], maxMB: 5 }'))
			)
		).toEqual([
			'4: Eintrag 1 in „submission“ hat den ungültigen Wert „audio“; erlaubt: text, file.',
			'5: Eintrag 1 in „types“ hat den ungültigen Wert „exe“; erlaubt: pdf, docx, odt, jpg, png, mp3, m4a.'
		]);
	});

	it('reports duplicate rubric ids on the duplicate entry', () => {
		expect(
			itemErrors(
				assignment(
					'submission: [text]',
					'rubric:',
					'  - { id: klar, label: Klar }',
					'  - id: klar',
					'    label: Noch einmal klar'
				)
			)
		).toEqual(['7: Doppelte Kriterien-ID „klar“ in „rubric“.']);
	});

	it('reports a duplicate submission kind', () => {
		expect(itemErrors(assignment('submission: [text, text]'))).toEqual([
			'4: „submission“ enthält „text“ doppelt.'
		]);
	});

	it('warns that files are ignored without file submission', () => {
		const result = buildWith({
			[ITEM]: assignment('submission: [text]', 'files: { types: [pdf], maxMB: 5 }')
		});
		expect(problemsIn(result.errors, ITEM)).toEqual([]);
		expect(problemsIn(result.warnings, ITEM)).toEqual([
			'5: „files“ wird ignoriert, weil „submission“ keine Dateien erlaubt.'
		]);
	});
});

describe('defaults', () => {
	it('fills in the defaults of course, module, lesson, quiz and assignment', () => {
		const { index, errors } = buildWith({
			[ITEM]: lines('---', 'title: L', '---'),
			'courses/01-kurs/01-modul/02-test.md': quizWith('title: T'),
			'courses/01-kurs/01-modul/03-aufgabe.md': lines(
				'---',
				'type: assignment',
				'title: A',
				'submission: [text]',
				'---'
			)
		});
		expect(errors).toEqual([]);
		const course = index.courseById.get('kurs')!;
		expect(course).toMatchObject({ language: 'de', unlock: 'sequential', certificate: null });
		expect(index.moduleById.get('kurs/modul')).toMatchObject({
			summary: null,
			hours: null,
			objectives: []
		});
		expect(index.itemById.get('kurs/modul/eintrag')).toMatchObject({
			type: 'lesson',
			minutes: null
		});
		expect(index.itemById.get('kurs/modul/test')).toMatchObject({
			type: 'quiz',
			passPercent: 80,
			attempts: 'unlimited',
			shuffle: false,
			draw: null,
			questionCount: 1
		});
		expect(index.quizById.get('kurs/modul/test')).not.toHaveProperty('draw');
		expect(index.itemById.get('kurs/modul/aufgabe')).toMatchObject({
			type: 'assignment',
			required: true,
			rubric: [],
			files: null
		});
	});
});
