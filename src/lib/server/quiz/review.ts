import type { AnswerSheet, AttemptLayout, GradeResult, ReviewQuestion } from '$lib/quiz/types';
import type { QuizDefinition } from '$lib/content/quiz-types';
import { inShownOrder, layoutEntries } from './layout';
import { splitPrompt } from './prompt-html';

/** Whether a result page shows the correct answers now, later, or never. */
export type AnswerVisibility = 'shown' | 'later' | 'never';

/**
 * The answer key is the key to the next attempt: by default it is shown only once the quiz is
 * passed or no attempt is left. `showAnswers: always` opts in to showing it after every attempt
 * (practice quizzes), `false` never shows it. The learner's own choices and their feedback are
 * always shown.
 */
export function answerVisibility(
	setting: QuizDefinition['showAnswers'],
	state: { passed: boolean; attemptsLeft: number | 'unlimited' }
): AnswerVisibility {
	if (setting === false) return 'never';
	if (setting === 'always' || state.passed || state.attemptsLeft === 0) return 'shown';
	return 'later';
}

/** The graded attempt as the result page shows it, built from the attempt's own snapshot. */
export function reviewAttempt(
	quiz: QuizDefinition,
	layout: AttemptLayout,
	sheet: AnswerSheet,
	result: GradeResult,
	visibility: AnswerVisibility
): ReviewQuestion[] {
	const show = visibility === 'shown';
	return layoutEntries(quiz, layout).map(({ question, entry, index }) => {
		const graded = result.questions.find((candidate) => candidate.id === question.id);
		const answer = sheet[question.id] ?? [];
		const slots = graded?.slots ?? [];
		const base = {
			number: index + 1,
			...splitPrompt(question.promptHtml),
			outcome: graded?.outcome ?? 'wrong',
			percent: Math.floor((graded?.points ?? 0) * 100 + 1e-9),
			...(question.feedbackHtml ? { feedbackHtml: question.feedbackHtml } : {})
		};
		switch (question.type) {
			case 'single':
			case 'multiple':
				return {
					...base,
					type: question.type,
					options: inShownOrder(question.options, entry).map((option) => {
						const chosen = answer.includes(option.id);
						return {
							html: option.html,
							chosen,
							...(show ? { correct: option.correct } : {}),
							...(option.feedbackHtml && (chosen || show)
								? { feedbackHtml: option.feedbackHtml }
								: {})
						};
					})
				};
			case 'cloze': {
				let gap = 0;
				return {
					...base,
					type: 'cloze',
					parts: question.parts.map((part) => {
						if (part.kind === 'text') return part;
						const slot = gap++;
						return {
							kind: 'gap',
							number: slot + 1,
							given: answer[slot] ?? '',
							right: slots[slot] ?? false,
							...(show ? { answers: part.answers } : {})
						};
					})
				};
			}
			case 'matching':
				return {
					...base,
					type: 'matching',
					leftHeader: question.leftHeader,
					rightHeader: question.rightHeader,
					rows: question.pairs.map((pair, slot) => {
						const choice = /^w(\d+)$/.exec(answer[slot] ?? '');
						return {
							leftHtml: pair.leftHtml,
							given: choice ? (entry.choices?.[Number(choice[1]) - 1] ?? '') : '',
							right: slots[slot] ?? false,
							...(show ? { correct: pair.right } : {})
						};
					})
				};
			case 'ordering': {
				const shown = inShownOrder(question.steps, entry).map((step, slot) => ({
					html: step.html,
					position: Number(answer[slot]) || Number.POSITIVE_INFINITY,
					right: slots[slot] ?? false
				}));
				return {
					...base,
					type: 'ordering',
					given: shown
						.sort((a, b) => a.position - b.position)
						.map(({ html, right }) => ({ html, right })),
					...(show ? { correct: question.steps.map((step) => step.html) } : {})
				};
			}
		}
	});
}
