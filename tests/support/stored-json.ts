import type { CertificateSnapshot } from '$lib/certificates';
import type { QuizDefinition } from '$lib/content/quiz-types';
import type { AttemptLayout } from '$lib/quiz/types';

// Typed stand-ins for the JSON columns of rows a test needs but never reads back.

export const placeholderQuiz: QuizDefinition = {
	id: 'kurs/modul/quiz',
	title: 'Quiz',
	passPercent: 50,
	attempts: 'unlimited',
	shuffle: false,
	showAnswers: false,
	questions: [],
	contentHash: 'h'
};

export const emptyLayout: AttemptLayout = { seed: 'seed', questions: [] };

export function placeholderSnapshot(
	changes: Partial<CertificateSnapshot> = {}
): CertificateSnapshot {
	return {
		version: 1,
		number: '2026-000001',
		code: 'ABCD-EFGH-JKMN-PQRS',
		learnerName: 'Lernende Person',
		courseId: 'kurs',
		courseTitle: 'Kurs',
		kind: 'teilnahmebestaetigung',
		title: 'Teilnahmebestätigung',
		modules: [],
		totalHours: 0,
		cohort: null,
		period: { from: null, to: null },
		issuer: { name: '', address: '', place: '', signatoryName: '', signatoryRole: '' },
		issuedOn: '2026-12-04',
		...changes
	};
}
