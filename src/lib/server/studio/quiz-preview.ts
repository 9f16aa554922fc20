import type { QuizDefinition, QuizQuestion } from '$lib/content/quiz-types';

// A quiz for its author: every question with the answer key and the feedback. Only the
// studio shows this; learners' pages never get answers before grading.

export interface QuizPreview {
	title: string;
	passPercent: number;
	attempts: number | 'unlimited';
	questions: {
		id: string;
		type: QuizQuestion['type'];
		promptHtml: string;
		answers: { html: string; correct: boolean; feedbackHtml?: string }[];
		feedbackHtml?: string;
	}[];
}

function answersOf(question: QuizQuestion): QuizPreview['questions'][number]['answers'] {
	switch (question.type) {
		case 'single':
		case 'multiple':
			return question.options.map((option) => ({
				html: option.html,
				correct: option.correct,
				feedbackHtml: option.feedbackHtml
			}));
		case 'cloze':
			return question.parts.flatMap((part) =>
				part.kind === 'gap' ? [{ html: escape(part.answers.join(' / ')), correct: true }] : []
			);
		case 'matching':
			return question.pairs.map((pair) => ({
				html: `${pair.leftHtml} → ${escape(pair.right)}`,
				correct: true
			}));
		case 'ordering':
			return question.steps.map((step) => ({ html: step.html, correct: true }));
	}
}

const escape = (text: string) =>
	text.replace(
		/[&<>"]/g,
		(char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!
	);

export function quizPreview(quiz: QuizDefinition): QuizPreview {
	return {
		title: quiz.title,
		passPercent: quiz.passPercent,
		attempts: quiz.attempts,
		questions: quiz.questions.map((question) => ({
			id: question.id,
			type: question.type,
			promptHtml: question.promptHtml,
			answers: answersOf(question),
			feedbackHtml: question.feedbackHtml
		}))
	};
}
