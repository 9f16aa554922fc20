import { describe, expect, it } from 'vitest';
import type { GradeResult } from '$lib/quiz/types';
import { questionLabel, summariseAttempts } from './stats';
import { sampleQuiz } from '$test/unit/test-quiz';

const graded = (outcomes: [string, 'right' | 'partly' | 'wrong'][]): GradeResult => ({
	score: 0,
	passed: false,
	questions: outcomes.map(([id, outcome]) => ({
		id,
		outcome,
		points: outcome === 'right' ? 1 : outcome === 'partly' ? 0.5 : 0
	}))
});

describe('summariseAttempts', () => {
	it('reports no rates for a quiz nobody has submitted', () => {
		const stats = summariseAttempts([], sampleQuiz());
		expect(stats).toMatchObject({ attempts: 0, passRate: null, averageScore: null });
		expect(stats.questions.every((question) => question.shareRight === null)).toBe(true);
	});

	it('counts learners once, shares per drawn question, and keeps removed questions by ID', () => {
		const stats = summariseAttempts(
			[
				{
					userId: 'a',
					score: 40,
					passed: false,
					result: graded([
						['anmeldung', 'wrong'],
						['alt', 'right']
					])
				},
				{ userId: 'a', score: 100, passed: true, result: graded([['anmeldung', 'right']]) },
				{ userId: 'b', score: 70, passed: false, result: graded([['frist', 'partly']]) }
			],
			sampleQuiz()
		);
		expect(stats).toMatchObject({
			attempts: 3,
			learners: 2,
			learnersPassed: 1,
			passRate: 33,
			averageScore: 70
		});
		const byId = Object.fromEntries(stats.questions.map((question) => [question.id, question]));
		expect(byId.anmeldung).toMatchObject({ drawn: 2, right: 1, shareRight: 50 });
		expect(byId.frist).toMatchObject({ drawn: 1, partly: 1, shareRight: 0 });
		expect(byId.aufgaben).toMatchObject({ drawn: 0, shareRight: null });
		expect(byId.alt).toMatchObject({ label: 'alt', drawn: 1, shareRight: 100 });
	});

	it('labels questions with the plain text of their heading', () => {
		expect(questionLabel('<p>Was ist <em>BCC</em> &amp; CC?</p><p>Mehr</p>')).toBe(
			'Was ist BCC & CC?'
		);
	});
});
