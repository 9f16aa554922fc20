import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { listManagedCohorts } from '../cohorts/access';
import { getCatalogue } from '../content';
import type { QuizDefinition } from '$lib/content/quiz-types';
import { getDb } from '../db';
import { quizAttempts } from '../db/schema';
import { splitPrompt, textOfHtml } from './prompt-html';
import type { GradeResult } from '$lib/quiz/types';

export interface QuestionStats {
	id: string;
	label: string;
	/** How often the question was part of a submitted attempt. */
	drawn: number;
	right: number;
	partly: number;
	/** Share of fully right answers in percent; null when never drawn. */
	shareRight: number | null;
}

export interface QuizStats {
	attempts: number;
	learners: number;
	learnersPassed: number;
	/** Passed attempts / attempts, percent; null without attempts. */
	passRate: number | null;
	averageScore: number | null;
	questions: QuestionStats[];
}

export interface GradedRow {
	userId: string;
	score: number | null;
	passed: boolean | null;
	result: GradeResult | null;
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : null);

/** Plain text of a question's heading (its first paragraph), for tables. */
export function questionLabel(promptHtml: string): string {
	const { titleHtml } = splitPrompt(promptHtml);
	return textOfHtml(titleHtml || promptHtml).trim();
}

/** Aggregates submitted attempts; questions no longer in the quiz keep their ID as label. */
export function summariseAttempts(rows: GradedRow[], quiz: QuizDefinition): QuizStats {
	const byQuestion = new Map<string, QuestionStats>();
	for (const question of quiz.questions) {
		byQuestion.set(question.id, {
			id: question.id,
			label: questionLabel(question.promptHtml),
			drawn: 0,
			right: 0,
			partly: 0,
			shareRight: null
		});
	}
	for (const row of rows) {
		for (const graded of row.result?.questions ?? []) {
			let entry = byQuestion.get(graded.id);
			if (!entry) {
				entry = {
					id: graded.id,
					label: graded.id,
					drawn: 0,
					right: 0,
					partly: 0,
					shareRight: null
				};
				byQuestion.set(graded.id, entry);
			}
			entry.drawn += 1;
			if (graded.outcome === 'right') entry.right += 1;
			if (graded.outcome === 'partly') entry.partly += 1;
		}
	}
	for (const entry of byQuestion.values()) entry.shareRight = percent(entry.right, entry.drawn);

	const learners = new Set(rows.map((row) => row.userId));
	const passedLearners = new Set(rows.filter((row) => row.passed).map((row) => row.userId));
	const total = rows.reduce((sum, row) => sum + (row.score ?? 0), 0);
	return {
		attempts: rows.length,
		learners: learners.size,
		learnersPassed: passedLearners.size,
		passRate: percent(rows.filter((row) => row.passed).length, rows.length),
		averageScore: rows.length ? Math.round(total / rows.length) : null,
		questions: [...byQuestion.values()]
	};
}

export function getQuizStats(quiz: QuizDefinition, cohortId: string): QuizStats {
	const rows = getDb()
		.select({
			userId: quizAttempts.userId,
			score: quizAttempts.score,
			passed: quizAttempts.passed,
			result: quizAttempts.result
		})
		.from(quizAttempts)
		.where(
			and(
				eq(quizAttempts.quizId, quiz.id),
				eq(quizAttempts.cohortId, cohortId),
				eq(quizAttempts.status, 'submitted')
			)
		)
		.all();
	return summariseAttempts(rows, quiz);
}

/** Quizzes of the courses in which the user manages a cohort (admins: all), with those cohorts. */
export function listStatsChoices(user: SessionUser) {
	const cohorts = listManagedCohorts(user);
	return getCatalogue()
		.map((course) => ({
			course: { id: course.id, title: course.title },
			cohorts: cohorts.filter((cohort) => cohort.courseId === course.id),
			quizzes: course.modules.flatMap((module) =>
				module.items
					.filter((item) => item.type === 'quiz')
					.map((item) => ({ id: item.id, title: item.title }))
			)
		}))
		.filter((entry) => entry.cohorts.length > 0 && entry.quizzes.length > 0);
}
