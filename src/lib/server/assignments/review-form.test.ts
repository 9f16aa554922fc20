import { describe, expect, it } from 'vitest';
import { parseReviewForm } from './review-form';

const rubric = [
	{ id: 'auftrag', label: 'Ziel klar', levels: [] },
	{ id: 'grenzen', label: 'Grenzen benannt', levels: [] }
];
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
};
const complete = {
	versionId: 'abcdefghijklmnop',
	'bewertung-auftrag': 'met',
	'bewertung-grenzen': 'partly',
	'kommentar-grenzen': 'Noch genauer.',
	entscheidung: 'revision_requested',
	rueckmeldung: 'Bitte Grenzen ergänzen.'
};

describe('review form', () => {
	it('reads ratings per criterion, feedback and decision', () => {
		expect(parseReviewForm(form(complete), rubric)).toEqual({
			ok: true,
			versionId: 'abcdefghijklmnop',
			decision: 'revision_requested',
			feedback: 'Bitte Grenzen ergänzen.',
			ratings: [
				{ criterionId: 'auftrag', rating: 'met', comment: '' },
				{ criterionId: 'grenzen', rating: 'partly', comment: 'Noch genauer.' }
			]
		});
	});

	it('names each missing rating and keeps what was typed', () => {
		const result = parseReviewForm(
			form({ ...complete, 'bewertung-grenzen': 'super', entscheidung: '' }),
			rubric
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors['bewertung-grenzen']).toContain('Grenzen benannt');
		expect(result.errors.entscheidung).toBeTruthy();
		expect(result.values.rueckmeldung).toBe('Bitte Grenzen ergänzen.');
	});

	it('requires feedback when asking for a revision, not when accepting', () => {
		const revision = parseReviewForm(form({ ...complete, rueckmeldung: ' ' }), rubric);
		expect(!revision.ok && revision.errors.rueckmeldung).toBeTruthy();
		const accepted = parseReviewForm(
			form({ ...complete, rueckmeldung: '', entscheidung: 'accepted' }),
			rubric
		);
		expect(accepted.ok).toBe(true);
	});

	it('rates a criterion with levels by level ID and keeps the level label with the rating', () => {
		const leveled = [
			{
				id: 'auftrag',
				label: 'Ziel klar',
				levels: [
					{ id: 'nicht-erfuellt', label: 'nicht erfüllt', description: null },
					{ id: 'erfuellt', label: 'erfüllt', description: 'Ziel für 12 Monate.' }
				]
			},
			rubric[1]!
		];
		const result = parseReviewForm(form({ ...complete, 'bewertung-auftrag': 'erfuellt' }), leveled);
		expect(result.ok && result.ratings).toEqual([
			{ criterionId: 'auftrag', rating: 'erfuellt', levelLabel: 'erfüllt', comment: '' },
			{ criterionId: 'grenzen', rating: 'partly', comment: 'Noch genauer.' }
		]);
		// The three generic ratings are no levels of this criterion.
		const generic = parseReviewForm(form(complete), leveled);
		expect(!generic.ok && generic.errors['bewertung-auftrag']).toContain('Ziel klar');
	});
});
