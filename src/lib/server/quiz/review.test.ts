import { describe, expect, it } from 'vitest';
import { gradeAttempt } from './grading';
import { buildLayout } from './layout';
import { answerVisibility, reviewAttempt, type AnswerVisibility } from './review';
import { sampleQuiz } from '$test/unit/test-quiz';

function review(visibility: AnswerVisibility) {
	const quiz = sampleQuiz({ shuffle: false });
	const layout = buildLayout(quiz, 'review');
	const order = layout.questions[4]!.slots;
	const sheet = {
		anmeldung: ['o1'],
		frist: ['monat', 'Einspruch'],
		zuordnung: ['', '', '', ''],
		// Every step one place too late, except the last shown one.
		schritte: order.map((_, slot) => String(slot + 1))
	};
	return reviewAttempt(quiz, layout, sheet, gradeAttempt(quiz, layout, sheet), visibility);
}

describe('reviewAttempt', () => {
	it('shows choices, outcomes and the feedback of the chosen option', () => {
		const [single] = review('shown');
		expect(single).toMatchObject({
			number: 1,
			outcome: 'wrong',
			titleHtml: 'Wo melden Sie sich an?'
		});
		expect(single!.feedbackHtml).toBe('<p>Im Bürgeramt.</p>');
		if (single!.type !== 'single') throw new Error('type');
		expect(single!.options[0]).toEqual({
			html: 'Jobcenter',
			chosen: true,
			correct: false,
			feedbackHtml: '<p>Nein, Jobcenter.</p>'
		});
		expect(single!.options[1]).toMatchObject({ chosen: false, correct: true });
	});

	it('marks each gap and lists its solutions when answers are shown', () => {
		const cloze = review('shown')[2]!;
		expect(cloze).toMatchObject({ outcome: 'partly', percent: 50 });
		if (cloze.type !== 'cloze') throw new Error('type');
		const gaps = cloze.parts.filter((part) => part.kind === 'gap');
		expect(gaps).toEqual([
			{ kind: 'gap', number: 1, given: 'monat', right: true, answers: ['Monats', 'Monat'] },
			{ kind: 'gap', number: 2, given: 'Einspruch', right: false, answers: ['Widerspruch'] }
		]);
	});

	it('lists the learner order and the correct order', () => {
		const ordering = review('shown')[4]!;
		if (ordering.type !== 'ordering') throw new Error('type');
		expect(ordering.given).toHaveLength(4);
		expect(ordering.correct).toEqual([
			'Termin vereinbaren',
			'Unterlagen zusammenstellen',
			'Termin wahrnehmen',
			'Bescheid abheften'
		]);
	});

	it.each(['later', 'never'] as const)(
		'leaves out correct answers while they are %s, but keeps own choices and their feedback',
		(visibility) => {
			const questions = review(visibility);
			const json = JSON.stringify(questions);
			expect(json).not.toContain('"correct"');
			expect(json).not.toContain('"answers"');
			expect(json).not.toContain('Widerspruch');
			expect(json).not.toContain('Bürgeramt<');
			expect(questions[0]!.feedbackHtml).toBe('<p>Im Bürgeramt.</p>');
			if (questions[0]!.type !== 'single') throw new Error('type');
			expect(questions[0]!.options[0]).toEqual({
				html: 'Jobcenter',
				chosen: true,
				feedbackHtml: '<p>Nein, Jobcenter.</p>'
			});
		}
	);
});

describe('answerVisibility', () => {
	it('shows the answer key by default only once passed or out of attempts', () => {
		expect(answerVisibility(true, { passed: false, attemptsLeft: 2 })).toBe('later');
		expect(answerVisibility(true, { passed: false, attemptsLeft: 'unlimited' })).toBe('later');
		expect(answerVisibility(true, { passed: true, attemptsLeft: 2 })).toBe('shown');
		expect(answerVisibility(true, { passed: false, attemptsLeft: 0 })).toBe('shown');
	});

	it('follows showAnswers: always after every attempt, false never', () => {
		expect(answerVisibility('always', { passed: false, attemptsLeft: 2 })).toBe('shown');
		expect(answerVisibility(false, { passed: true, attemptsLeft: 0 })).toBe('never');
	});
});
