import type {
	AnswerSheet,
	AttemptLayout,
	GradeResult,
	LayoutQuestion,
	QuestionOutcome,
	QuestionResult
} from '$lib/quiz/types';
import type { QuizDefinition, QuizQuestion } from '$lib/content/quiz-types';
import { layoutEntries } from './layout';

/** Case-insensitive, trimmed, inner whitespace collapsed, Unicode NFC. */
export function normaliseClozeAnswer(value: string): string {
	return value.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().normalize('NFC');
}

export function clozeMatches(given: string, answers: readonly string[]): boolean {
	const normalised = normaliseClozeAnswer(given);
	return normalised !== '' && answers.some((answer) => normaliseClozeAnswer(answer) === normalised);
}

function outcomeOf(points: number): QuestionOutcome {
	if (points >= 1) return 'right';
	return points > 0 ? 'partly' : 'wrong';
}

function fromSlots(id: string, slots: boolean[]): QuestionResult {
	const points = slots.length ? slots.filter(Boolean).length / slots.length : 0;
	return { id, points, outcome: outcomeOf(points), slots };
}

/** Grades one question; `answer` holds the submitted values (see AnswerSheet). */
export function gradeQuestion(
	question: QuizQuestion,
	entry: LayoutQuestion,
	answer: readonly string[] = []
): QuestionResult {
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const chosen = new Set(answer);
			const right = question.options.every((option) => option.correct === chosen.has(option.id));
			const points = right && chosen.size > 0 ? 1 : 0;
			return { id: question.id, points, outcome: outcomeOf(points) };
		}
		case 'cloze': {
			const gaps = question.parts.flatMap((part) => (part.kind === 'gap' ? [part] : []));
			return fromSlots(
				question.id,
				gaps.map((gap, slot) => clozeMatches(answer[slot] ?? '', gap.answers))
			);
		}
		case 'matching': {
			const choices = entry.choices ?? [];
			return fromSlots(
				question.id,
				question.pairs.map((pair, slot) => {
					const match = /^w(\d+)$/.exec(answer[slot] ?? '');
					return !!match && choices[Number(match[1]) - 1] === pair.right;
				})
			);
		}
		case 'ordering': {
			// answer[slot] is the position the learner gave the step shown at `slot`.
			const positions = entry.slots.map((id, slot) => ({ id, position: Number(answer[slot]) }));
			return fromSlots(
				question.id,
				positions.map(
					({ id, position }) => question.steps.findIndex((step) => step.id === id) + 1 === position
				)
			);
		}
	}
}

/** Score = sum of question fractions / drawn questions; passed = score ≥ passPercent. */
export function gradeAttempt(
	quiz: QuizDefinition,
	layout: AttemptLayout,
	sheet: AnswerSheet
): GradeResult {
	const questions = layoutEntries(quiz, layout).map(({ question, entry }) =>
		gradeQuestion(question, entry, sheet[entry.id])
	);
	const total = questions.reduce((sum, question) => sum + question.points, 0);
	const exact = questions.length ? (total / questions.length) * 100 : 0;
	// Rounding guard: 3 × (1/3) must be 100, not 99.99999.
	const score = Math.floor(exact + 1e-9);
	return { score, passed: score >= quiz.passPercent, questions };
}
