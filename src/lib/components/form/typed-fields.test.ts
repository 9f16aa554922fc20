import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import EmailField from './EmailField.svelte';
import PasswordField from './PasswordField.svelte';

describe('typed text fields', () => {
	it('an e-mail field is required and as long as the server accepts, unless told otherwise', () => {
		const { body } = render(EmailField, { props: { value: 'a@example.org' } });
		expect(body).toContain('<label for="feld-email">E-Mail-Adresse</label>');
		expect(body).toMatch(/<input[^>]*type="email"[^>]*required[^>]*maxlength="254"/);
		expect(body).toMatch(/<input[^>]*value="a@example.org"/);
		const optional = render(EmailField, { props: { name: 'einladung', required: false } }).body;
		expect(optional).not.toMatch(/<input[^>]*required/);
	});

	it('a password field is required and tells password managers which password it wants', () => {
		const { body } = render(PasswordField, {
			props: { name: 'currentPassword', label: 'Passwort', autocomplete: 'current-password' }
		});
		expect(body).toMatch(/<input[^>]*type="password"[^>]*required/);
		expect(body).toMatch(/<input[^>]*autocomplete="current-password"/);
	});
});
