import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ConfirmStep from './ConfirmStep.svelte';

const props = {
	question: 'Eintrag wirklich löschen?',
	yes: 'Ja, löschen',
	cancelHref: '/tagebuch'
};

describe('ConfirmStep', () => {
	it('asks, sends the confirmation the server checks, and offers a way back', () => {
		const { body } = render(ConfirmStep, { props });
		expect(body).toContain('<strong>Eintrag wirklich löschen?</strong>');
		expect(body).toContain('<input type="hidden" name="bestaetigt" value="ja"');
		expect(body).toMatch(/<button[^>]*>Ja, löschen<\/button>/);
		expect(body).toMatch(/<a href="\/tagebuch">Abbrechen<\/a>/);
	});

	it('lets the browser focus the question on load, as without JavaScript', () => {
		const question = render(ConfirmStep, { props }).body.match(/<p([^>]*)><strong>/)?.[1];
		expect(question).toContain('autofocus');
		expect(question).toContain('tabindex="-1"');
	});

	it('colours the yes button only for what cannot be undone', () => {
		expect(render(ConfirmStep, { props: { ...props, danger: true } }).body).toMatch(
			/<button class="danger">/
		);
		expect(render(ConfirmStep, { props }).body).not.toContain('danger');
	});

	it('places what the form must send again between question and buttons', () => {
		const children = createRawSnippet(() => ({
			render: () => '<input type="hidden" name="grund" value="Auf Wunsch">'
		}));
		const { body } = render(ConfirmStep, { props: { ...props, children } });
		const field = body.indexOf('name="grund"');
		expect(field).toBeGreaterThan(body.indexOf('</strong>'));
		expect(field).toBeLessThan(body.indexOf('<button'));
	});
});
