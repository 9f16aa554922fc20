import { describe, expect, it } from 'vitest';
import { parseReviewForm } from './review-form';

const rubric = [
	{ id: 'auftrag', label: 'Ziel klar', levels: [], required: true },
	{ id: 'grenzen', label: 'Grenzen benannt', levels: [], required: false }
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

	it('leaves an optional criterion unrated, but not a required one', () => {
		const { 'bewertung-grenzen': _, 'kommentar-grenzen': __, ...withoutOptional } = complete;
		const result = parseReviewForm(form({ ...withoutOptional, entscheidung: 'accepted' }), rubric);
		expect(result.ok && result.ratings).toEqual([
			{ criterionId: 'auftrag', rating: 'met', comment: '' }
		]);
		const { 'bewertung-auftrag': ___, ...withoutRequired } = complete;
		const missing = parseReviewForm(form(withoutRequired), rubric);
		expect(!missing.ok && missing.errors['bewertung-auftrag']).toContain('Ziel klar');
		// A comment on an unrated optional criterion is kept, without a rating.
		const commentOnly = parseReviewForm(form({ ...complete, 'bewertung-grenzen': '' }), rubric);
		expect(commentOnly.ok && commentOnly.ratings[1]).toEqual({
			criterionId: 'grenzen',
			rating: '',
			comment: 'Noch genauer.'
		});
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
				required: false,
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
