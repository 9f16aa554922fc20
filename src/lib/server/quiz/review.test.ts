import { describe, expect, it } from 'vitest';
import { gradeAttempt } from './grading';
import { buildLayout } from './layout';
import { reviewAttempt } from './review';
import { sampleQuiz } from './test-quiz';

function review(showAnswers: boolean) {
	const quiz = sampleQuiz({ showAnswers, shuffle: false });
	const layout = buildLayout(quiz, 'review');
	const order = layout.questions[4]!.slots;
	const sheet = {
		anmeldung: ['o1'],
		frist: ['monat', 'Einspruch'],
		zuordnung: ['', '', '', ''],
		// Every step one place too late, except the last shown one.
		schritte: order.map((_, slot) => String(slot + 1))
	};
	return reviewAttempt(quiz, layout, sheet, gradeAttempt(quiz, layout, sheet));
}

describe('reviewAttempt', () => {
	it('shows choices, outcomes and the feedback of the chosen option', () => {
		const [single] = review(true);
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
		const cloze = review(true)[2]!;
		expect(cloze).toMatchObject({ outcome: 'partly', percent: 50 });
		if (cloze.type !== 'cloze') throw new Error('type');
		const gaps = cloze.parts.filter((part) => part.kind === 'gap');
		expect(gaps).toEqual([
			{ kind: 'gap', number: 1, given: 'monat', right: true, answers: ['Monats', 'Monat'] },
			{ kind: 'gap', number: 2, given: 'Einspruch', right: false, answers: ['Widerspruch'] }
		]);
	});

	it('lists the learner order and the correct order', () => {
		const ordering = review(true)[4]!;
		if (ordering.type !== 'ordering') throw new Error('type');
		expect(ordering.given).toHaveLength(4);
		expect(ordering.correct).toEqual([
			'Termin vereinbaren',
			'Unterlagen zusammenstellen',
			'Termin wahrnehmen',
			'Bescheid abheften'
		]);
	});

	it('leaves out correct answers when the quiz hides them, but keeps the feedback', () => {
		const questions = review(false);
		const json = JSON.stringify(questions);
		expect(json).not.toContain('"correct"');
		expect(json).not.toContain('"answers"');
		expect(json).not.toContain('Widerspruch');
		expect(questions[0]!.feedbackHtml).toBe('<p>Im Bürgeramt.</p>');
	});
});
