import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DataTable from './DataTable.svelte';

interface Person {
	id: string;
	name: string;
}

const row = createRawSnippet((person: () => Person) => ({
	render: () => `<th scope="row">${person().name}</th><td>${person().id}</td>`
}));
const people: Person[] = [
	{ id: 'a', name: 'Ayşe' },
	{ id: 'b', name: 'Bogdan' }
];
const html = (props: Partial<Parameters<typeof DataTable<Person>>[1]> = {}) =>
	render(DataTable<Person>, {
		props: {
			caption: 'Teilnehmende',
			columns: ['Name', { label: 'Kennung', hidden: true }],
			rows: people,
			key: (person) => person.id,
			row,
			...props
		}
	}).body;

describe('DataTable', () => {
	it('names the table and its scroll region by the caption, hidden unless asked', () => {
		const body = html();
		expect(body).toMatch(/role="region"[^>]*aria-label="Teilnehmende"/);
		expect(body).toMatch(/<caption class="visually-hidden">Teilnehmende<\/caption>/);
		expect(html({ showCaption: true })).toMatch(/<caption( class="")?>Teilnehmende<\/caption>/);
	});

	it('gives every column a header cell; a hidden label stays for screen readers', () => {
		const body = html();
		expect(body).toContain('<th scope="col">Name</th>');
		expect(body).toMatch(/<th scope="col"><span class="visually-hidden">Kennung<\/span><\/th>/);
	});

	it('renders one row per entry through the row snippet, in order', () => {
		const body = html();
		expect(body.match(/<tr>/g)).toHaveLength(3);
		expect(body.indexOf('Ayşe')).toBeLessThan(body.indexOf('Bogdan'));
		expect(body).toContain('<th scope="row">Bogdan</th><td>b</td>');
	});

	it('shows the empty message instead of an empty table, or the bare table without one', () => {
		const empty = html({ rows: [], empty: 'Noch niemand angemeldet.' });
		expect(empty).toContain('<p class="notice">Noch niemand angemeldet.</p>');
		expect(empty).not.toContain('<table');
		expect(html({ rows: [] })).toContain('<table');
	});

	it('stacks rows as cards on narrow screens only when asked', () => {
		expect(html({ stack: true })).toMatch(/class="table-scroll[^"]*\bstack\b/);
		expect(html()).not.toMatch(/class="table-scroll[^"]*\bstack\b/);
	});
});
