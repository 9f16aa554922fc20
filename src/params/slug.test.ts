import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '$lib/server/content/layout.js';
import { match, SLUG_PATTERN } from './slug';

describe('slug param matcher', () => {
	it('is the content ID pattern', () => {
		expect(SLUG_PATTERN.source).toBe(ID_PATTERN.source);
	});

	it('accepts content slugs and rejects everything else', () => {
		expect(['probe-digital', '01', 'a1-b2'].every((slug) => match(slug))).toBe(true);
		for (const bad of ['', '..', 'A', 'a--b', '-a', 'a-', 'ä', 'a.png', 'a b']) {
			expect(match(bad)).toBe(false);
		}
	});
});
