import { describe, expect, it } from 'vitest';
import { clozeMatches, gradeAttempt, gradeQuestion, normaliseClozeAnswer } from './grading';
import type { LayoutQuestion } from '$lib/quiz/types';
import { buildLayout } from './layout';
import { sampleQuiz } from '$test/unit/test-quiz';

const quiz = sampleQuiz();
const [single, multiple, cloze, matching, ordering] = quiz.questions as [
	(typeof quiz.questions)[number],
	(typeof quiz.questions)[number],
	(typeof quiz.questions)[number],
	(typeof quiz.questions)[number],
	(typeof quiz.questions)[number]
];
const plain = (id: string, slots: string[], choices?: string[]): LayoutQuestion => ({
	id,
	slots,
	...(choices ? { choices } : {})
});
const choiceLayout = plain('x', ['o1', 'o2', 'o3']);
const matchingLayout = plain(
	'zuordnung',
	['p1', 'p2', 'p3', 'p4'],
	['LEA', 'Familienkasse', 'Jobcenter', 'Wohngeldstelle']
);
// Shown order: s3, s1, s4, s2 → right positions 3, 1, 4, 2.
const orderingLayout = plain('schritte', ['s3', 's1', 's4', 's2']);

describe('single and multiple choice', () => {
	it('scores the one right option of a single choice question', () => {
		expect(gradeQuestion(single, choiceLayout, ['o2'])).toMatchObject({
			points: 1,
			outcome: 'right'
		});
		expect(gradeQuestion(single, choiceLayout, ['o1'])).toMatchObject({
			points: 0,
			outcome: 'wrong'
		});
		expect(gradeQuestion(single, choiceLayout, [])).toMatchObject({ points: 0, outcome: 'wrong' });
	});

	it('gives multiple choice credit only for all and only the right options', () => {
		expect(gradeQuestion(multiple, choiceLayout, ['o1', 'o3']).points).toBe(1);
		expect(gradeQuestion(multiple, choiceLayout, ['o3', 'o1']).points).toBe(1);
		expect(gradeQuestion(multiple, choiceLayout, ['o1']).points).toBe(0);
		expect(gradeQuestion(multiple, choiceLayout, ['o1', 'o2', 'o3']).points).toBe(0);
	});
});

describe('cloze', () => {
	it('normalises case, surrounding and inner whitespace and Unicode form', () => {
		expect(normaliseClozeAnswer('  Ende   zu\tEnde ')).toBe('ende zu ende');
		// "ü" typed as u + combining diaeresis equals the precomposed one.
		expect(normaliseClozeAnswer('Bu\u0308rgeramt')).toBe(normaliseClozeAnswer('Bürgeramt'));
		expect(clozeMatches(' WIDERSPRUCH ', ['Widerspruch'])).toBe(true);
		expect(clozeMatches('Bu\u0308rgeramt', ['Bürgeramt'])).toBe(true);
		expect(clozeMatches('', [''])).toBe(false);
	});

	it('accepts the listed alternatives and gives credit per gap', () => {
		const layout = plain('frist', ['g1', 'g2']);
		expect(gradeQuestion(cloze, layout, ['monat', 'Widerspruch'])).toMatchObject({
			points: 1,
			outcome: 'right',
			slots: [true, true]
		});
		expect(gradeQuestion(cloze, layout, ['Jahr', ' widerspruch'])).toMatchObject({
			points: 0.5,
			outcome: 'partly',
			slots: [false, true]
		});
		expect(gradeQuestion(cloze, layout, ['', ''])).toMatchObject({ points: 0, outcome: 'wrong' });
	});
});

describe('matching', () => {
	it('gives credit for the fraction of rows matched right', () => {
		// Choices w1..w4 = LEA, Familienkasse, Jobcenter, Wohngeldstelle.
		expect(gradeQuestion(matching, matchingLayout, ['w3', 'w1', 'w4', 'w2']).points).toBe(1);
		expect(gradeQuestion(matching, matchingLayout, ['w3', 'w1', 'w2', 'w4'])).toMatchObject({
			points: 0.5,
			outcome: 'partly',
			slots: [true, true, false, false]
		});
		expect(gradeQuestion(matching, matchingLayout, ['', '', '', 'w9']).points).toBe(0);
	});
});

describe('ordering', () => {
	it('gives credit for the fraction of steps in their right position', () => {
		expect(gradeQuestion(ordering, orderingLayout, ['3', '1', '4', '2']).points).toBe(1);
		expect(gradeQuestion(ordering, orderingLayout, ['3', '1', '2', '4'])).toMatchObject({
			points: 0.5,
			slots: [true, true, false, false]
		});
		expect(gradeQuestion(ordering, orderingLayout, ['1', '2', '3', '4']).points).toBe(0);
	});
});

describe('attempt score', () => {
	const layout = buildLayout(quiz, 'score');
	const choices = layout.questions[3]!.choices!;
	const rightMatching = ['Jobcenter', 'LEA', 'Wohngeldstelle', 'Familienkasse'].map(
		(value) => `w${choices.indexOf(value) + 1}`
	);
	const rightOrder = layout.questions[4]!.slots.map((id) => id.slice(1));
	const allRight = {
		anmeldung: ['o2'],
		aufgaben: ['o1', 'o3'],
		frist: ['Monats', 'Widerspruch'],
		zuordnung: rightMatching,
		schritte: rightOrder
	};

	it('is 100 and passed when everything is right', () => {
		expect(gradeAttempt(quiz, layout, allRight)).toMatchObject({ score: 100, passed: true });
	});

	it('adds partial credit and passes exactly at the pass mark', () => {
		// 4 right + half a cloze = 4.5 / 5 = 90; 3 right + 0.75 matching = 75 = passPercent.
		expect(gradeAttempt(quiz, layout, { ...allRight, frist: ['Monat', 'x'] }).score).toBe(90);
		const atMark = gradeAttempt(quiz, layout, {
			...allRight,
			aufgaben: ['o1'],
			zuordnung: [...rightMatching.slice(0, 3), '']
		});
		expect(atMark).toMatchObject({ score: 75, passed: true });
		const below = gradeAttempt(quiz, layout, { ...allRight, aufgaben: [], anmeldung: [] });
		expect(below).toMatchObject({ score: 60, passed: false });
	});

	it('scores an empty sheet as 0 and reports every question', () => {
		const result = gradeAttempt(quiz, layout, {});
		expect(result.score).toBe(0);
		expect(result.passed).toBe(false);
		expect(result.questions.map((question) => question.outcome)).toEqual(Array(5).fill('wrong'));
	});

	it('does not lose a whole percent to floating point', () => {
		const thirds = sampleQuiz({
			passPercent: 100,
			questions: [cloze, cloze, cloze].map((q, i) => ({ ...q, id: `c${i}` }))
		});
		const result = gradeAttempt(thirds, buildLayout(thirds, 'f'), {
			c0: ['Monat', 'Widerspruch'],
			c1: ['Monat', 'Widerspruch'],
			c2: ['Monat', 'Widerspruch']
		});
		expect(result).toMatchObject({ score: 100, passed: true });
	});
});
