import { describe, expect, it } from 'vitest';
import { buildLayout, formValues, publicQuestions } from './layout';
import { sampleQuiz } from '$test/unit/test-quiz';

describe('attempt layout', () => {
	it('is the same for the same seed and differs between seeds', () => {
		const quiz = sampleQuiz();
		expect(buildLayout(quiz, 'seed-a')).toEqual(buildLayout(quiz, 'seed-a'));
		const layouts = ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) =>
			JSON.stringify(buildLayout(quiz, seed).questions)
		);
		expect(new Set(layouts).size).toBeGreaterThan(1);
	});

	it('keeps the written option order when shuffle is off', () => {
		const layout = buildLayout(sampleQuiz({ shuffle: false }), 'x');
		expect(layout.questions[0]!.slots).toEqual(['o1', 'o2', 'o3']);
		expect(layout.questions[1]!.slots).toEqual(['o1', 'o2', 'o3']);
	});

	it('shuffles options per seed when shuffle is on', () => {
		const quiz = sampleQuiz();
		const orders = new Set(
			Array.from({ length: 20 }, (_, i) => buildLayout(quiz, `s${i}`).questions[0]!.slots.join())
		);
		expect(orders.size).toBeGreaterThan(1);
		for (const order of orders) expect(order.split(',').sort()).toEqual(['o1', 'o2', 'o3']);
	});

	it('always shuffles matching choices and never shows an ordering in the right order', () => {
		const quiz = sampleQuiz({ shuffle: false });
		for (let i = 0; i < 30; i++) {
			const layout = buildLayout(quiz, `seed${i}`);
			const matching = layout.questions[3]!;
			expect([...matching.choices!].sort()).toEqual(
				['Familienkasse', 'Jobcenter', 'LEA', 'Wohngeldstelle'].sort()
			);
			expect(layout.questions[4]!.slots).not.toEqual(['s1', 's2', 's3', 's4']);
		}
		const choiceOrders = new Set(
			Array.from({ length: 20 }, (_, i) => buildLayout(quiz, `m${i}`).questions[3]!.choices!.join())
		);
		expect(choiceOrders.size).toBeGreaterThan(1);
	});

	it('draws the configured number of questions, deterministically, in written order', () => {
		const quiz = sampleQuiz({ draw: 3 });
		const layout = buildLayout(quiz, 'draw-seed');
		expect(layout.questions).toHaveLength(3);
		expect(buildLayout(quiz, 'draw-seed')).toEqual(layout);
		const ids = quiz.questions.map((question) => question.id);
		const positions = layout.questions.map((entry) => ids.indexOf(entry.id));
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		const sets = new Set(
			Array.from({ length: 20 }, (_, i) =>
				buildLayout(quiz, `d${i}`)
					.questions.map((entry) => entry.id)
					.join()
			)
		);
		expect(sets.size).toBeGreaterThan(1);
	});

	it('gives the browser no correct flags, solutions, pairs, order or feedback', () => {
		const quiz = sampleQuiz();
		const questions = publicQuestions(quiz, buildLayout(quiz, 'leak'));
		const json = JSON.stringify(questions);
		for (const secret of [
			'correct',
			'Monats',
			'Widerspruch',
			'answers',
			'feedback',
			'Nein, Jobcenter',
			'Im Bürgeramt.',
			's1',
			'p1'
		]) {
			expect(json).not.toContain(secret);
		}
		const matching = questions[3]!;
		expect(matching.type).toBe('matching');
		if (matching.type === 'matching') {
			// Right-hand values are offered, but not tied to their rows.
			expect(matching.rows.map((row) => Object.keys(row).sort())).toEqual(
				Array(4).fill(['leftHtml', 'name'])
			);
		}
	});

	it('fills unanswered orderings with the shown order and keeps saved answers', () => {
		const quiz = sampleQuiz();
		const layout = buildLayout(quiz, 'v');
		const values = formValues(quiz, layout, { anmeldung: ['o2'], frist: ['Monat', ''] });
		expect(values).toMatchObject({ q1: ['o2'], 'q3-1': 'Monat', 'q3-2': '', 'q5-3': '3' });
	});
});
