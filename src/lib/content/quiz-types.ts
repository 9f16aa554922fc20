/**
 * The full quiz model with its answers: types only, so the database schema can type the stored
 * snapshot. Values of these types stay on the server: grading happens there, and nothing of
 * this reaches the browser before an attempt is graded (the page gets `$lib/quiz/types`).
 */

/** Sanitised HTML rendered from the Markdown. */
export type Html = string;

export type QuizQuestion =
	| {
			id: string;
			type: 'single' | 'multiple';
			promptHtml: Html;
			options: { id: string; html: Html; correct: boolean; feedbackHtml?: Html }[];
			feedbackHtml?: Html;
	  }
	| {
			id: string;
			type: 'cloze';
			promptHtml: Html;
			parts: ({ kind: 'text'; html: Html } | { kind: 'gap'; id: string; answers: string[] })[];
			feedbackHtml?: Html;
	  }
	| {
			id: string;
			type: 'matching';
			promptHtml: Html;
			leftHeader: string;
			rightHeader: string;
			pairs: { id: string; leftHtml: Html; right: string }[];
			feedbackHtml?: Html;
	  }
	| {
			id: string;
			type: 'ordering';
			promptHtml: Html;
			/** In the correct order. */
			steps: { id: string; html: Html }[];
			feedbackHtml?: Html;
	  };

export interface QuizDefinition {
	id: string;
	title: string;
	passPercent: number;
	attempts: number | 'unlimited';
	shuffle: boolean;
	/** See `showAnswers` in content/README.md: true, 'always' or false. */
	showAnswers: boolean | 'always';
	draw?: number;
	questions: QuizQuestion[];
	/** sha256 (hex) of the raw file, so attempts can record which version they answered. */
	contentHash: string;
}
