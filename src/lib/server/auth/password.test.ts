import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, isCommonPassword, verifyPassword } from './password';

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
		expect(checkPasswordPolicy('Wort '.repeat(25) + 'abc')).toBeNull();
		expect(checkPasswordPolicy('x'.repeat(129))).toBe('too_long');
	});

	it('rejects common passwords whatever their case', () => {
		expect(checkPasswordPolicy('1234567890')).toBe('too_common');
		expect(checkPasswordPolicy('Password123')).toBe('too_common');
		expect(isCommonPassword('qwertyuiop')).toBe(true);
	});

	it('ships a list of at least 10,000 common passwords', async () => {
		const { dictionary } = await import('@zxcvbn-ts/language-common');
		expect((dictionary['passwords-common'] as string[]).length).toBeGreaterThanOrEqual(10_000);
	});

	it('rejects a password that contains the local part of the email address', () => {
		expect(checkPasswordPolicy('meine-adresse-aylin.demir!', 'aylin.demir@example.org')).toBe(
			'contains_email'
		);
	});

	it('accepts a long passphrase', () => {
		expect(checkPasswordPolicy('Fahrrad Kanal Brücke Wolke')).toBeNull();
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
