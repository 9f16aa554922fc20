/**
 * What the browser sees of a quiz attempt. Safe for the client by construction: it carries no
 * correct flags, gap solutions, pairs, order or feedback (see `$lib/server/quiz/layout`).
 */

export type PublicQuestion = {
	/** Field-name prefix and element ID stem, e.g. `q3`. */
	key: string;
	/** 1-based position in the attempt. */
	number: number;
	/** The question's heading (inline HTML, for the legend) and any text below it. */
	titleHtml: string;
	bodyHtml: string;
} & (
	| { type: 'single' | 'multiple'; options: { value: string; html: string }[] }
	| {
			type: 'cloze';
			parts: ({ kind: 'text'; html: string } | { kind: 'gap'; name: string; index: number })[];
	  }
	| {
			type: 'matching';
			leftHeader: string;
			rightHeader: string;
			rows: { name: string; leftHtml: string }[];
			choices: { value: string; label: string }[];
	  }
	| { type: 'ordering'; items: { name: string; html: string }[] }
);

/**
 * A learner's answers by question ID. Choice questions: the selected option IDs. Cloze, matching
 * and ordering: one value per slot (gap, left item, shown step), '' when not answered.
 */
export type AnswerSheet = Record<string, string[]>;

/** The learner's current values by field name, to fill the form again. */
export type FormValues = Record<string, string | string[]>;

export type QuestionOutcome = 'right' | 'partly' | 'wrong';

/** A graded question on the result page; `correct*` fields only when the quiz shows answers. */
export type ReviewQuestion = {
	number: number;
	titleHtml: string;
	bodyHtml: string;
	outcome: QuestionOutcome;
	/** 0..100, whole percent of this question. */
	percent: number;
	feedbackHtml?: string;
} & (
	| {
			type: 'single' | 'multiple';
			options: { html: string; chosen: boolean; correct?: boolean; feedbackHtml?: string }[];
	  }
	| {
			type: 'cloze';
			parts: (
				| { kind: 'text'; html: string }
				| { kind: 'gap'; number: number; given: string; right: boolean; answers?: string[] }
			)[];
	  }
	| {
			type: 'matching';
			leftHeader: string;
			rightHeader: string;
			rows: { leftHtml: string; given: string; right: boolean; correct?: string }[];
	  }
	| {
			type: 'ordering';
			/** The steps in the order the learner gave. */
			given: { html: string; right: boolean }[];
			correct?: string[];
	  }
);
