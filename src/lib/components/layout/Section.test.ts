import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Section from './Section.svelte';

const children = createRawSnippet(() => ({ render: () => '<ul><li>Eintrag</li></ul>' }));
const html = (props: { isEmpty?: boolean; empty?: string } = {}) =>
	render(Section, { props: { id: 'termine', title: 'Termine', children, ...props } }).body;

describe('Section', () => {
	it('is named by its heading, whose id links can point at', () => {
		const body = html();
		expect(body).toMatch(/<section aria-labelledby="termine"[^>]*>/);
		expect(body).toContain('<h2 id="termine">Termine</h2>');
		expect(body).toContain('<li>Eintrag</li>');
	});

	it('shows the empty message instead of the content', () => {
		const body = html({ isEmpty: true, empty: 'Noch keine Termine.' });
		expect(body).toContain('<p class="notice">Noch keine Termine.</p>');
		expect(body).not.toContain('<li>');
	});

	it('is left out when empty and there is nothing to say about it', () => {
		expect(html({ isEmpty: true })).not.toContain('<section');
	});
});
