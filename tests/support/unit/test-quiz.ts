import type { QuizDefinition } from '$lib/content/quiz-types';
import { getAttempt } from '$lib/server/quiz/attempts';

/** A small quiz with one question of every type, for unit tests. */
export function sampleQuiz(overrides: Partial<QuizDefinition> = {}): QuizDefinition {
	return {
		id: 'kurs/modul/test',
		title: 'Wissenscheck',
		passPercent: 75,
		attempts: 'unlimited',
		shuffle: true,
		showAnswers: true,
		contentHash: 'hash-v1',
		questions: [
			{
				id: 'anmeldung',
				type: 'single',
				promptHtml: '<p>Wo melden Sie sich an?</p>',
				options: [
					{ id: 'o1', html: 'Jobcenter', correct: false, feedbackHtml: '<p>Nein, Jobcenter.</p>' },
					{ id: 'o2', html: 'Bürgeramt', correct: true },
					{ id: 'o3', html: 'Ausländerbehörde', correct: false }
				],
				feedbackHtml: '<p>Im Bürgeramt.</p>'
			},
			{
				id: 'aufgaben',
				type: 'multiple',
				promptHtml: '<p>Welche Aufgaben?</p>',
				options: [
					{ id: 'o1', html: 'Übertragen', correct: true },
					{ id: 'o2', html: 'Ratschläge', correct: false },
					{ id: 'o3', html: 'Nachfragen', correct: true }
				]
			},
			{
				id: 'frist',
				type: 'cloze',
				promptHtml: '<p>Ergänzen Sie.</p>',
				parts: [
					{ kind: 'text', html: 'Innerhalb eines ' },
					{ kind: 'gap', id: 'g1', answers: ['Monats', 'Monat'] },
					{ kind: 'text', html: ' kann man ' },
					{ kind: 'gap', id: 'g2', answers: ['Widerspruch'] },
					{ kind: 'text', html: ' einlegen.' }
				]
			},
			{
				id: 'zuordnung',
				type: 'matching',
				promptHtml: '<p>Ordnen Sie zu.</p>',
				leftHeader: 'Anliegen',
				rightHeader: 'Stelle',
				pairs: [
					{ id: 'p1', leftHtml: 'Bürgergeld', right: 'Jobcenter' },
					{ id: 'p2', leftHtml: 'Aufenthaltstitel', right: 'LEA' },
					{ id: 'p3', leftHtml: 'Wohngeld', right: 'Wohngeldstelle' },
					{ id: 'p4', leftHtml: 'Kinderzuschlag', right: 'Familienkasse' }
				]
			},
			{
				id: 'schritte',
				type: 'ordering',
				promptHtml: '<p>Reihenfolge?</p>',
				steps: [
					{ id: 's1', html: 'Termin vereinbaren' },
					{ id: 's2', html: 'Unterlagen zusammenstellen' },
					{ id: 's3', html: 'Termin wahrnehmen' },
					{ id: 's4', html: 'Bescheid abheften' }
				]
			}
		],
		...overrides
	};
}

/** The right answers for an attempt's layout, read from its snapshot. */
export function rightSheet(quiz: QuizDefinition, attemptId: string) {
	const attempt = getAttempt(attemptId)!;
	const sheet: Record<string, string[]> = {};
	for (const entry of attempt.layout.questions) {
		const question = quiz.questions.find((q) => q.id === entry.id)!;
		if (question.type === 'single' || question.type === 'multiple') {
			sheet[entry.id] = question.options.filter((o) => o.correct).map((o) => o.id);
		} else if (question.type === 'cloze') {
			sheet[entry.id] = question.parts.flatMap((p) => (p.kind === 'gap' ? [p.answers[0]!] : []));
		} else if (question.type === 'matching') {
			sheet[entry.id] = question.pairs.map((p) => `w${entry.choices!.indexOf(p.right) + 1}`);
		} else {
			sheet[entry.id] = entry.slots.map((id) => id.slice(1));
		}
	}
	return sheet;
}
