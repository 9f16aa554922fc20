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

// Stored with each attempt (quiz_attempts.layout and .result); they hold IDs and points only.

/** One drawn question of an attempt, with the order its parts are shown in. */
export interface LayoutQuestion {
	id: string;
	/**
	 * Choice: option IDs as shown. Cloze: gap IDs. Matching: pair IDs (written order). Ordering:
	 * step IDs as shown.
	 */
	slots: string[];
	/** Matching only: the distinct right-hand values as shown in every select. */
	choices?: string[];
}

/** Fixed when an attempt starts and stored with it, so a reload shows the same attempt. */
export interface AttemptLayout {
	seed: string;
	questions: LayoutQuestion[];
}

export interface QuestionResult {
	id: string;
	/** 0..1: the fraction of the question answered right. */
	points: number;
	outcome: QuestionOutcome;
	/** Cloze, matching, ordering: which slots were right (in layout slot order). */
	slots?: boolean[];
}

export interface GradeResult {
	/** Whole percent, rounded down, so `score ≥ passPercent` agrees with what the page shows. */
	score: number;
	passed: boolean;
	questions: QuestionResult[];
}
