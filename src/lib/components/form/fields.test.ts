import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import TextAreaField from './TextAreaField.svelte';
import TextField from './TextField.svelte';

// The fields render their value into the HTML (forms work without JavaScript) but hand it to the
// browser as the default, so hydration keeps what someone typed before it (tests/e2e/hydration).

describe('form fields', () => {
	it('a text field shows its value in the server HTML', () => {
		const { body } = render(TextField, {
			props: { name: 'email', label: 'E-Mail-Adresse', value: 'a@example.org' }
		});
		expect(body).toMatch(/<input[^>]*value="a@example.org"/);
		expect(body).toContain('<label for="feld-email">E-Mail-Adresse</label>');
	});

	it('a text area shows its value as its content', () => {
		const { body } = render(TextAreaField, {
			props: { name: 'text', label: 'Text', value: 'Zeile 1\nZeile <2>' }
		});
		expect(body).toMatch(/<textarea[^>]*>Zeile 1\nZeile &lt;2>\s*<\/textarea>/);
	});

	it('ties hint and error to the control for screen readers', () => {
		const { body } = render(TextField, {
			props: { name: 'email', label: 'E-Mail', hint: 'Dienstlich', error: 'Fehlt' }
		});
		expect(body).toContain('<span class="hint" id="feld-email-hinweis">Dienstlich</span>');
		expect(body).toContain('<span class="field-error" id="feld-email-fehler">Fehlt</span>');
		expect(body).toMatch(/<input[^>]*aria-invalid="true"/);
		expect(body).toMatch(/<input[^>]*aria-describedby="feld-email-hinweis feld-email-fehler"/);
		const clean = render(TextField, { props: { name: 'email', label: 'E-Mail' } }).body;
		expect(clean).not.toMatch(/aria-(invalid|describedby)/);
	});
});
