import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_LANGUAGE, contentLanguageOf } from './language';

describe('contentLanguageOf', () => {
	const languages = { 'probe-digital': 'de', 'english-course': 'en' };

	it('finds the declared language of a course, a module and an item by the course part of the ID', () => {
		expect(contentLanguageOf(languages, 'english-course')).toBe('en');
		expect(contentLanguageOf(languages, 'english-course/modul')).toBe('en');
		expect(contentLanguageOf(languages, 'probe-digital/modul/lektion')).toBe('de');
	});

	it('falls back to German, the contract default, for unknown courses and missing IDs', () => {
		expect(DEFAULT_CONTENT_LANGUAGE).toBe('de');
		expect(contentLanguageOf(languages, 'gone/modul/lektion')).toBe('de');
		expect(contentLanguageOf(languages, null)).toBe('de');
		expect(contentLanguageOf(undefined, 'english-course')).toBe('de');
	});
});
