import { describe, expect, it } from 'vitest';
import { openQuestionNumbers, parseAnswers } from './answers';
import { buildLayout } from './layout';
import { sampleQuiz } from '$test/unit/test-quiz';

const quiz = sampleQuiz();
const layout = buildLayout(quiz, 'answers');

function form(entries: [string, string][]) {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

const complete: [string, string][] = [
	['q1', 'o2'],
	['q2', 'o1'],
	['q2', 'o3'],
	['q3-1', 'Monat'],
	['q3-2', 'Widerspruch'],
	['q4-1', 'w1'],
	['q4-2', ''],
	['q4-3', 'w2'],
	['q4-4', 'w4'],
	['q5-1', '2'],
	['q5-2', '1'],
	['q5-3', '4'],
	['q5-4', '3']
];

describe('parseAnswers', () => {
	it('reads a complete form into an answer sheet by question ID', () => {
		const parsed = parseAnswers(form(complete), quiz, layout, 'submit');
		expect(parsed).toEqual({
			ok: true,
			sheet: {
				anmeldung: ['o2'],
				aufgaben: ['o1', 'o3'],
				frist: ['Monat', 'Widerspruch'],
				zuordnung: ['w1', '', 'w2', 'w4'],
				schritte: ['2', '1', '4', '3']
			}
		});
	});

	it('accepts unanswered choice questions', () => {
		const parsed = parseAnswers(
			form(complete.filter(([key]) => key !== 'q1' && key !== 'q2')),
			quiz,
			layout,
			'submit'
		);
		expect(parsed.ok && parsed.sheet.anmeldung).toEqual([]);
	});

	const tamperings: [string, [string, string][]][] = [
		['an unknown option ID', complete.map(([k, v]) => (k === 'q1' ? [k, 'o9'] : [k, v]))],
		['two options for a single choice question', [...complete, ['q1', 'o1']]],
		['the same option twice', [...complete, ['q2', 'o1']]],
		['a repeated gap field', [...complete, ['q3-1', 'Monat']]],
		['a missing gap field', complete.filter(([key]) => key !== 'q3-2')],
		['a missing ordering field', complete.filter(([key]) => key !== 'q5-4')],
		['an answer for a question not drawn', [...complete, ['q6', 'o1']]],
		['a field named after an object property', [...complete, ['toString', 'x']]],
		['a field named __proto__', [...complete, ['__proto__', 'x']]],
		['an unknown matching choice', complete.map(([k, v]) => (k === 'q4-1' ? [k, 'w9'] : [k, v]))],
		['a position outside the list', complete.map(([k, v]) => (k === 'q5-1' ? [k, '7'] : [k, v]))],
		['a huge value', complete.map(([k, v]) => (k === 'q3-1' ? [k, 'x'.repeat(5000)] : [k, v]))],
		['an over-long gap', complete.map(([k, v]) => (k === 'q3-1' ? [k, 'x'.repeat(201)] : [k, v]))]
	];
	for (const [name, entries] of tamperings) {
		it(`rejects ${name} as tampering, with a German message`, () => {
			const parsed = parseAnswers(form(entries), quiz, layout, 'save');
			expect(parsed).toMatchObject({ ok: false, tampered: true });
			if (!parsed.ok && parsed.tampered) expect(parsed.message).toMatch(/Formular/);
		});
	}

	it('rejects an uploaded file as tampering', () => {
		const data = form(complete);
		data.append('q3-1', new Blob(['x']), 'a.txt');
		expect(parseAnswers(data, quiz, layout, 'save')).toMatchObject({ tampered: true });
	});

	it('asks for each position once on submit but saves an unfinished order', () => {
		const twice = complete.map(([k, v]): [string, string] => (k === 'q5-1' ? [k, '1'] : [k, v]));
		const submitted = parseAnswers(form(twice), quiz, layout, 'submit');
		expect(submitted).toMatchObject({ ok: false, tampered: false });
		if (!submitted.ok && !submitted.tampered) {
			expect(submitted.errors.q5).toMatch(/Frage 5/);
			expect(submitted.sheet.schritte).toEqual(['1', '1', '4', '3']);
		}
		expect(parseAnswers(form(twice), quiz, layout, 'save').ok).toBe(true);
	});
});

describe('openQuestionNumbers', () => {
	const sheetOf = (entries: [string, string][]) => {
		const parsed = parseAnswers(form(entries), quiz, layout, 'save');
		if (!parsed.ok) throw new Error('form rejected');
		return parsed.sheet;
	};
	const without = (...keys: string[]) => complete.filter(([key]) => !keys.includes(key));
	const blank = (...keys: string[]) =>
		complete.map(([key, value]): [string, string] => [key, keys.includes(key) ? '' : value]);

	it('names a choice question without a choice, a gap left empty and a row left open', () => {
		// In `complete`, row 2 of the matching question (question 4) is left open.
		expect(openQuestionNumbers(quiz, layout, sheetOf(complete))).toEqual([4]);
		expect(openQuestionNumbers(quiz, layout, sheetOf(without('q1', 'q2')))).toEqual([1, 2, 4]);
		expect(openQuestionNumbers(quiz, layout, sheetOf(blank('q3-2')))).toEqual([3, 4]);
		expect(openQuestionNumbers(quiz, layout, sheetOf(blank('q3-1', 'q3-2', 'q5-1')))).toEqual([
			3, 4, 5
		]);
	});

	it('names none when every question is answered in full', () => {
		const full = complete.map(([key, value]): [string, string] => [
			key,
			key === 'q4-2' ? 'w3' : value
		]);
		expect(openQuestionNumbers(quiz, layout, sheetOf(full))).toEqual([]);
	});

	it('counts a gap of spaces as empty', () => {
		const spaces = complete.map(([key, value]): [string, string] => [
			key,
			key === 'q3-1' ? '   ' : value
		]);
		expect(openQuestionNumbers(quiz, layout, sheetOf(spaces))).toContain(3);
	});
});
