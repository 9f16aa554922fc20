import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../content/parse-file';
import { courseTemplate, itemTemplate, moduleTemplate } from './templates';

// A course made from the templates and published unedited would show the templates' prompts to
// learners: the check (the studio's, publish's and content:check's) warns, naming file and field.

const COURSE = 'courses/01-kurs/course.md';
const MODULE = 'courses/01-kurs/01-modul/module.md';
const ITEM = 'courses/01-kurs/01-modul/01-seite.md';

const check = (path: string, raw: string) => {
	const { errors, warnings } = parseContentFile(path, raw);
	return { errors, warnings: warnings.map((problem) => `${problem.line}: ${problem.message}`) };
};

describe('prompts left from a template', () => {
	it('are warnings on the field of a new course and module, and on the lines of new pages', () => {
		expect(check(COURSE, courseTemplate('Ämter & Wege'))).toEqual({
			errors: [],
			warnings: [
				'3: „summary“ ist noch der Platzhalter der Vorlage („Worum geht es in diesem Kurs? Ein bis zwei Sätze für die Kursübersicht.“), den sonst auch die Lernenden lesen. Bitte ersetzen Sie ihn durch Ihren eigenen Text.'
			]
		});
		expect(check(MODULE, moduleTemplate('Ankommen')).warnings).toEqual([
			expect.stringMatching(/^3: „summary“ ist noch der Platzhalter der Vorlage \(„Was lernen/)
		]);
		expect(check(ITEM, itemTemplate('lesson', 'Fristen')).warnings).toEqual([
			expect.stringMatching(/^8: .*„Schreiben Sie hier den Text der Lektion\.“/)
		]);
		expect(check(ITEM, itemTemplate('assignment', 'Beobachten')).warnings).toHaveLength(1);
		const quiz = check(ITEM, itemTemplate('quiz', 'Wissenscheck'));
		expect(quiz.errors).toEqual([]);
		expect(quiz.warnings.map((warning) => warning.split(':')[0])).toEqual(['9', '10', '11', '12']);
	});

	it('are gone once the author wrote their own text', () => {
		const course = courseTemplate('Ämter & Wege').replace(
			/summary: .*/,
			'summary: "Wege durch die Berliner Ämter."'
		);
		expect(check(COURSE, course).warnings).toEqual([]);
		// Only a whole line is a prompt: a sentence that quotes one is the author's text.
		const lesson = itemTemplate('lesson', 'Fristen').replace(
			'Schreiben Sie hier den Text der Lektion.',
			'Im Studio steht hier zuerst „Schreiben Sie hier den Text der Lektion.“'
		);
		expect(check(ITEM, lesson).warnings).toEqual([]);
	});
});
