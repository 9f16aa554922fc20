import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { structureErrors } from '$lib/server/studio/messages';
import NewPageForm from './NewPageForm.svelte';

// One "new page" form per module: a refused one shows its errors at its own fields (WCAG 3.3.1),
// and its summary links to them, not to a field of another module's form.

const formOf = (moduleDir: string, failed?: Parameters<typeof structureErrors>[0]) =>
	render(NewPageForm, {
		props: {
			moduleDir,
			moduleTitle: 'Ankommen',
			failed: failed && {
				errors: structureErrors(failed),
				values: { art: 'quiz', titel: '???' }
			}
		}
	}).body;

describe('the new-page form of a module', () => {
	it('ties a refused title to its field and links it from the summary', () => {
		const body = formOf('01-ankommen', 'title_missing');
		expect(body).toMatch(/<input[^>]*id="neu-01-ankommen-name"[^>]*aria-invalid="true"/);
		expect(body).toMatch(
			/<input[^>]*id="neu-01-ankommen-name"[^>]*aria-describedby="neu-01-ankommen-name-fehler"/
		);
		expect(body).toContain('<span class="field-error" id="neu-01-ankommen-name-fehler">Bitte');
		expect(body).toMatch(/role="alert"[\s\S]*<a href="#neu-01-ankommen-name">Bitte geben Sie/);
		// What was typed stays, the kind included.
		expect(body).toMatch(/<input[^>]*id="neu-01-ankommen-name"[^>]*value="\?\?\?"/);
		expect(body).toMatch(/<option value="quiz" selected/);
	});

	it('shows nothing of the kind in a form that was not sent', () => {
		const body = formOf('02-vertiefung');
		expect(body).not.toMatch(/aria-invalid|role="alert"/);
	});
});

describe('a refused new course, module or page', () => {
	it('puts title problems on the title field and the rest on the form', () => {
		expect(Object.keys(structureErrors('title_missing'))).toEqual(['titel']);
		expect(Object.keys(structureErrors('title_too_long'))).toEqual(['titel']);
		expect(Object.keys(structureErrors('exists'))).toEqual(['titel']);
		expect(Object.keys(structureErrors('not_found'))).toEqual(['form']);
	});
});
