import type { BadInputCase } from './bad-input';
import type { DiscussionWorld } from './discussion-bad-input';

// Sharing a Praxisaufgabe with the cohort, and withdrawing a share.

export const shareCases = (world: DiscussionWorld, assignmentPage: string): BadInputCase[] => {
	const share = `${assignmentPage}/teilen?/teilen`;
	const revoke = `/austausch/${world.cohortId}/${world.threadId}/freigabe`;
	return [
		{
			name: 'teilen: without choosing what to share',
			as: 'learner',
			path: share,
			fields: { excerpt: 'Ein Auszug', bestaetigt: 'ja' },
			message: 'Bitte wählen Sie, was Sie teilen möchten.',
			status: 400
		},
		{
			name: 'teilen: an excerpt chosen but left empty',
			as: 'learner',
			path: share,
			fields: { mode: 'auszug', excerpt: ' \n ', bestaetigt: 'ja' },
			message: 'Bitte geben Sie den Auszug ein, den Sie teilen möchten.',
			status: 400
		},
		{
			name: 'teilen: an excerpt that is too long',
			as: 'learner',
			path: share,
			fields: { mode: 'auszug', excerpt: 'x'.repeat(20_001), bestaetigt: 'ja' },
			message: 'höchstens 20000 Zeichen',
			status: 400
		},
		{
			name: 'teilen: a question that is too long',
			as: 'learner',
			path: share,
			fields: { mode: 'ganz', question: 'x'.repeat(20_001), bestaetigt: 'ja' },
			message: 'höchstens 20000 Zeichen',
			status: 400
		},
		{
			name: 'teilen: a trainer sharing a learner’s Praxisaufgabe',
			as: 'trainer',
			path: share,
			fields: { mode: 'ganz', bestaetigt: 'ja' },
			message: 'Seite nicht gefunden',
			status: 404
		},
		{
			name: 'freigabe: withdrawing without confirming',
			as: 'learner',
			path: revoke,
			fields: {},
			message: 'Möchten Sie die Freigabe dieser Praxisaufgabe wirklich zurückziehen?',
			status: 400
		},
		{
			name: 'freigabe: withdrawing a share a thread does not have',
			as: 'trainer',
			path: revoke,
			fields: { bestaetigt: 'ja' },
			message: 'Diese Freigabe besteht nicht mehr.',
			status: 409
		}
	];
};
