import { describe, expect, it } from 'vitest';
import { isConfirmed } from './confirm';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(entries)) data.set(key, value);
	return data;
};

describe('isConfirmed', () => {
	it('is true only for the confirmation step’s bestaetigt=ja', () => {
		expect(isConfirmed(form({ bestaetigt: 'ja' }))).toBe(true);
		expect(isConfirmed(form({}))).toBe(false);
		expect(isConfirmed(form({ bestaetigt: 'true' }))).toBe(false);
		expect(isConfirmed(form({ bestaetigt: 'Ja ' }))).toBe(false);
	});
});
