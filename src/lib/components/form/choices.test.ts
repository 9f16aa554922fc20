import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CheckboxField from './CheckboxField.svelte';
import Choice from './Choice.svelte';

// Ticks are rendered into the HTML (forms work without JavaScript) as the default, so hydration
// keeps a change made before it (tests/unit/hydration-safe-fields.test.ts).

describe('choices', () => {
	it('a choice wraps its input in the label and ticks it from the page', () => {
		const children = createRawSnippet(() => ({ render: () => '<span>Einmalig</span>' }));
		const { body } = render(Choice, {
			props: { type: 'radio', name: 'usage', value: 'single', checked: true, children }
		});
		expect(body).toMatch(
			/<label class="choice[^"]*"><input[^>]*type="radio"[^>]*name="usage"[^>]*value="single"[^>]*checked/
		);
		expect(body).toMatch(/<span>Einmalig<\/span>(<!---->)?<\/label>/);
	});

	it('a checkbox field sends "ja" and ties its hint to the box for screen readers', () => {
		const { body } = render(CheckboxField, {
			props: {
				name: 'behalten',
				label: 'Zertifikate prüfbar halten',
				hint: 'Nur die Nummer bleibt'
			}
		});
		expect(body).toMatch(/<input[^>]*type="checkbox"[^>]*name="behalten"[^>]*value="ja"/);
		expect(body).toMatch(/<input[^>]*aria-describedby="feld-behalten-hinweis"/);
		expect(body).toContain('<p id="feld-behalten-hinweis" class="hint">Nur die Nummer bleibt</p>');
		expect(body).not.toMatch(/<input[^>]*checked/);
	});
});
