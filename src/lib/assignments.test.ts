import { describe, expect, it } from 'vitest';
import { ratingOptions, storedRatingLabel } from './assignments';

const leveled = {
	id: 'ziel',
	label: 'Ziel',
	required: false,
	levels: [
		{ id: 'nicht-erfuellt', label: 'nicht erfüllt', description: 'Kein Ziel.' },
		{ id: 'teilweise', label: 'teilweise', description: null },
		{ id: 'erfuellt', label: 'erfüllt', description: 'Ziel für 12 Monate.' }
	]
};
const plain = { id: 'rolle', label: 'Rolle', levels: [], required: false };

describe('rubric ratings', () => {
	it('offers a criterion its levels, lowest first, with descriptions', () => {
		expect(ratingOptions(leveled)).toEqual([
			{ value: 'nicht-erfuellt', label: 'nicht erfüllt', description: 'Kein Ziel.' },
			{ value: 'teilweise', label: 'teilweise', description: null },
			{ value: 'erfuellt', label: 'erfüllt', description: 'Ziel für 12 Monate.' }
		]);
	});

	it('offers met / partly / not yet to a criterion without levels', () => {
		expect(ratingOptions(plain).map((option) => [option.value, option.label])).toEqual([
			['met', 'erfüllt'],
			['partly', 'teilweise erfüllt'],
			['not_yet', 'noch nicht erfüllt']
		]);
	});

	it('shows a criterion left unrated as such', () => {
		expect(storedRatingLabel(plain, { rating: '' })).toBe('ohne Bewertung');
	});

	it('keeps stored reviews readable whatever changed in the content since', () => {
		expect(storedRatingLabel(leveled, { rating: 'teilweise' })).toBe('teilweise');
		// A review from before the criterion had levels.
		expect(storedRatingLabel(leveled, { rating: 'partly' })).toBe('teilweise erfüllt');
		// A level that was renamed or removed later: the label saved with the review.
		expect(storedRatingLabel(leveled, { rating: 'gut', levelLabel: 'gut gelöst' })).toBe(
			'gut gelöst'
		);
		// A criterion that no longer exists.
		expect(storedRatingLabel(undefined, { rating: 'met' })).toBe('erfüllt');
	});
});
