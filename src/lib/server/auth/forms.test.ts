import { describe, expect, it } from 'vitest';
import { parseForm } from '../validation/form';
import { changePasswordSchema, registerSchema, resetPasswordSchema } from './forms';

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

const schemas = [
	['registration', registerSchema, { name: 'Ada Muster', email: 'ada@example.org' }],
	['password reset', resetPasswordSchema, {}],
	['password change', changePasswordSchema, { currentPassword: 'Altes-Passwort-2026' }]
] as const;

describe.each(schemas)('a new password in the %s form', (_, schema, other) => {
	it('names a too short password and a different repetition at once', () => {
		const parsed = parseForm(
			form({ ...other, password: 'kurz', passwordRepeat: 'anders' }),
			schema(),
			'doppelt'
		);
		expect(parsed.success).toBe(false);
		if (parsed.success) return;
		expect(parsed.errors.password).toContain('mindestens');
		expect(parsed.errors.passwordRepeat).toBe('Die beiden Passwörter stimmen nicht überein.');
	});

	it('names only the policy when the repetition matches', () => {
		const parsed = parseForm(
			form({ ...other, password: 'kurz', passwordRepeat: 'kurz' }),
			schema(),
			'doppelt'
		);
		expect(parsed.success).toBe(false);
		if (parsed.success) return;
		expect(parsed.errors.password).toContain('mindestens');
		expect(parsed.errors.passwordRepeat).toBeUndefined();
	});
});
