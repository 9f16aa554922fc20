import { createHash, randomBytes } from 'node:crypto';
import type {
	AnswerSheet,
	AttemptLayout,
	FormValues,
	LayoutQuestion,
	PublicQuestion
} from '$lib/quiz/types';

import type { QuizDefinition, QuizQuestion } from '$lib/content/quiz-types';
import { splitPrompt } from './prompt-html';

export const newSeed = () => randomBytes(16).toString('hex');

/** A deterministic generator (mulberry32) per seed and purpose. */
function random(seed: string, purpose: string): () => number {
	let state = createHash('sha256').update(`${seed}/${purpose}`).digest().readUInt32LE(0);
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function shuffled<T>(items: readonly T[], next: () => number): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy;
}

function layoutQuestion(
	quiz: QuizDefinition,
	question: QuizQuestion,
	seed: string
): LayoutQuestion {
	const next = random(seed, question.id);
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const ids = question.options.map((option) => option.id);
			return { id: question.id, slots: quiz.shuffle ? shuffled(ids, next) : ids };
		}
		case 'cloze':
			return {
				id: question.id,
				slots: question.parts.flatMap((part) => (part.kind === 'gap' ? [part.id] : []))
			};
		case 'matching': {
			const values = [...new Set(question.pairs.map((pair) => pair.right))];
			return {
				id: question.id,
				slots: question.pairs.map((pair) => pair.id),
				choices: shuffled(values, next)
			};
		}
		case 'ordering': {
			const ids = question.steps.map((step) => step.id);
			let order = shuffled(ids, next);
			// Shown in the written order, the question would answer itself.
			if (order.every((id, index) => id === ids[index])) order = [...ids.slice(1), ids[0]!];
			return { id: question.id, slots: order };
		}
	}
}

/** Draws the attempt's questions (kept in written order) and fixes the order of their parts. */
export function buildLayout(quiz: QuizDefinition, seed: string): AttemptLayout {
	let questions = quiz.questions;
	if (quiz.draw !== undefined && quiz.draw < questions.length) {
		const drawn = new Set(shuffled(questions, random(seed, 'draw')).slice(0, quiz.draw));
		questions = questions.filter((question) => drawn.has(question));
	}
	return { seed, questions: questions.map((question) => layoutQuestion(quiz, question, seed)) };
}

export const questionKey = (index: number) => `q${index + 1}`;
export const slotField = (index: number, slot: number) => `q${index + 1}-${slot + 1}`;

/** The drawn questions of a layout with their definitions (from the attempt's snapshot). */
export function layoutEntries(quiz: QuizDefinition, layout: AttemptLayout) {
	return layout.questions.map((entry, index) => {
		const question = quiz.questions.find((candidate) => candidate.id === entry.id);
		if (!question) throw new Error(`layout question ${entry.id} missing from quiz ${quiz.id}`);
		return { entry, question, index };
	});
}

/** A question's options or steps in the order this attempt shows them (its slots). */
export function inShownOrder<T extends { id: string }>(items: readonly T[], entry: LayoutQuestion) {
	return entry.slots.map((id) => items.find((item) => item.id === id)!);
}

/** A question as the learner sees it while answering: no answer data of any kind. */
export function publicQuestion(
	question: QuizQuestion,
	entry: LayoutQuestion,
	index: number
): PublicQuestion {
	const base = { key: questionKey(index), number: index + 1, ...splitPrompt(question.promptHtml) };
	switch (question.type) {
		case 'single':
		case 'multiple':
			return {
				...base,
				type: question.type,
				options: inShownOrder(question.options, entry).map((option) => ({
					value: option.id,
					html: option.html
				}))
			};
		case 'cloze': {
			let gap = 0;
			return {
				...base,
				type: 'cloze',
				parts: question.parts.map((part) =>
					part.kind === 'text'
						? { kind: 'text', html: part.html }
						: { kind: 'gap', name: slotField(index, gap), index: gap++ }
				)
			};
		}
		case 'matching':
			return {
				...base,
				type: 'matching',
				leftHeader: question.leftHeader,
				rightHeader: question.rightHeader,
				rows: question.pairs.map((pair, slot) => ({
					name: slotField(index, slot),
					leftHtml: pair.leftHtml
				})),
				choices: (entry.choices ?? []).map((label, choice) => ({
					value: `w${choice + 1}`,
					label
				}))
			};
		case 'ordering':
			return {
				...base,
				type: 'ordering',
				items: inShownOrder(question.steps, entry).map((step, slot) => ({
					name: slotField(index, slot),
					html: step.html
				}))
			};
	}
}

export function publicQuestions(quiz: QuizDefinition, layout: AttemptLayout): PublicQuestion[] {
	return layoutEntries(quiz, layout).map(({ question, entry, index }) =>
		publicQuestion(question, entry, index)
	);
}

/** Saved answers as form values; unanswered orderings start in the shown order. */
export function formValues(quiz: QuizDefinition, layout: AttemptLayout, sheet: AnswerSheet) {
	const values: FormValues = {};
	for (const { question, entry, index } of layoutEntries(quiz, layout)) {
		const answer = sheet[entry.id];
		if (question.type === 'single' || question.type === 'multiple') {
			values[questionKey(index)] = answer ?? [];
			continue;
		}
		entry.slots.forEach((_, slot) => {
			const fallback = question.type === 'ordering' ? String(slot + 1) : '';
			values[slotField(index, slot)] = answer?.[slot] || fallback;
		});
	}
	return values;
}
