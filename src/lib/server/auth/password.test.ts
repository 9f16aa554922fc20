import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';

describe('password policy', () => {
	it('rejects passwords shorter than 10 characters', () => {
		expect(checkPasswordPolicy('kurz12345')).toBe('too_short');
		expect(checkPasswordPolicy('')).toBe('too_short');
	});

	it('counts characters, not bytes, so umlauts do not make a password longer', () => {
		expect(checkPasswordPolicy('äöüäöüäöü')).toBe('too_short');
		expect(checkPasswordPolicy('Bärenfänger')).toBeNull();
	});

	it('accepts 128 characters and rejects 129', () => {
		const phrase = 'Fahrrad Kanal Brücke Wolke Löffel Gießkanne Treppenhaus Zitronenbaum ';
		expect(checkPasswordPolicy((phrase + phrase).slice(0, 128))).toBeNull();
		expect(checkPasswordPolicy('x'.repeat(129))).toBe('too_long');
	});

	it('rejects common passwords whatever their case, German ones too', () => {
		expect(checkPasswordPolicy('1234567890')).toBe('too_common');
		expect(checkPasswordPolicy('Password123')).toBe('too_common');
		expect(checkPasswordPolicy('passwort123')).toBe('too_common');
		expect(checkPasswordPolicy('hallo12345')).toBe('too_common');
	});

	it.each([
		['aaaaaaaaaa', 'repeated'],
		['0000000000', 'repeated'],
		['abcabcabcabc', 'repeated'],
		['abcdefghij', 'sequence'],
		['qwertzuiop', 'keyboard'],
		['lernplattform', 'contains_platform'],
		['Sommerferien2026', 'too_guessable']
	])('names why %s is too weak: %s', (password, problem) => {
		expect(checkPasswordPolicy(password)).toBe(problem);
	});

	it('rejects a password that contains the local part of the email address', () => {
		expect(
			checkPasswordPolicy('meine-adresse-aylin.demir!', { email: 'aylin.demir@example.org' })
		).toBe('contains_email');
	});

	it('counts the person’s own name as easy to guess', () => {
		expect(checkPasswordPolicy('Aylin2026Demir', { name: 'Aylin Demir' })).toBe('contains_name');
		expect(checkPasswordPolicy('Aylin2026Demir')).toBeNull();
		// Names in letters the dictionaries do not know score high; the name alone is still refused.
		for (const name of ['Özlem Çelik-Ünal', 'Aylin Demir-Kaya']) {
			expect(checkPasswordPolicy(name, { name })).toBe('contains_name');
			expect(checkPasswordPolicy(`${name} 2026!`, { name })).toBe('contains_name');
		}
		expect(
			checkPasswordPolicy('Özlem Sonnenblume Fahrrad', { name: 'Özlem Çelik-Ünal' })
		).toBeNull();
	});

	it('accepts a long passphrase and the demo accounts’ password', () => {
		expect(checkPasswordPolicy('Fahrrad Kanal Brücke Wolke')).toBeNull();
		expect(
			checkPasswordPolicy('Demo-Lernplattform-2026', {
				email: 'lernende@example.org',
				name: 'Aylin Demir'
			})
		).toBeNull();
	});
});

describe('password hashing', () => {
	it('uses argon2id with at least 19 MiB and 2 iterations', async () => {
		const hashed = await hashPassword('Fahrrad Kanal Brücke Wolke');
		expect(hashed).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/);
		const [, memory, time] = hashed.match(/m=(\d+),t=(\d+)/)!;
		expect(Number(memory)).toBeGreaterThanOrEqual(19456);
		expect(Number(time)).toBeGreaterThanOrEqual(2);
	});

	it('verifies the right password and rejects a wrong one or a broken hash', async () => {
		const hashed = await hashPassword('Fahrrad Kanal Brücke Wolke');
		expect(await verifyPassword(hashed, 'Fahrrad Kanal Brücke Wolke')).toBe(true);
		expect(await verifyPassword(hashed, 'Fahrrad Kanal Brücke Wolken')).toBe(false);
		expect(await verifyPassword('kein-hash', 'egal')).toBe(false);
	});
});
