import { describe, expect, it } from 'vitest';
import { earlierLinks } from './earlier-links';

const ORIGIN = 'https://lern.example.org';
const link = (n: number) => `${ORIGIN}/registrieren/${String(n).padStart(2, 'a').padEnd(32, 'a')}`;

describe('earlierLinks', () => {
	it('keeps the own registration links in order and drops anything else', () => {
		const form = new FormData();
		form.append('earlier', `${ORIGIN}/registrieren/${'b'.repeat(32)}`);
		form.append('earlier', `https://evil.example/registrieren/${'c'.repeat(32)}`);
		form.append('earlier', `${ORIGIN}/admin`);
		form.append('earlier', `${ORIGIN}/registrieren/${'d'.repeat(32)}`);
		expect(earlierLinks(form, ORIGIN)).toEqual([
			`${ORIGIN}/registrieren/${'b'.repeat(32)}`,
			`${ORIGIN}/registrieren/${'d'.repeat(32)}`
		]);
	});

	it('keeps at most the last twenty', () => {
		const form = new FormData();
		for (let i = 0; i < 25; i++) form.append('earlier', link(i).replace(/\d/g, 'e'));
		expect(earlierLinks(form, ORIGIN)).toHaveLength(20);
	});
});
