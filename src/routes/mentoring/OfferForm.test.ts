import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import OfferForm from './OfferForm.svelte';

const hintOf = (body: string, field: string) =>
	body.match(new RegExp(`<span class="hint" id="feld-${field}-hinweis">([^<]*)</span>`))?.[1] ?? '';

describe('the mentor offer form', () => {
	it('gives topics and languages each an example of their own', () => {
		const body = render(OfferForm, { props: { offer: null, values: null, errors: {} } }).body;
		expect(hintOf(body, 'topics')).toContain('Jobcenter');
		expect(hintOf(body, 'languages')).toContain('Deutsch');
		expect(hintOf(body, 'languages')).not.toContain('Jobcenter');
	});
});
