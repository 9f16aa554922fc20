import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// A field whose value is set one-way (`value={…}`, or a textarea's `{…}` content) is written
// again when the page hydrates, wiping what someone typed on a slow phone before the app loaded.
// Fields hand their value over as `defaultValue` or bind it (tests/e2e/hydration.spec.ts).

const ONE_WAY_INPUT = /<input\b(?![^>]*type=("hidden"|"radio"|"checkbox"|\{))[^>]*[\s{]value=\{/g;
const ONE_WAY_TEXTAREA = /<textarea\b[^>]*>\s*\{[^}]+\}\s*<\/textarea/g;
/** A tick set one-way is taken back on hydration too (`defaultChecked` keeps it). */
const ONE_WAY_CHECKED = /<input\b[^>]*[\s{]checked=\{/g;

function oneWayFields(source: string): number {
	return [ONE_WAY_INPUT, ONE_WAY_TEXTAREA, ONE_WAY_CHECKED].reduce(
		(sum, shape) => sum + (source.match(shape)?.length ?? 0),
		0
	);
}

describe('form fields keep what was typed before hydration', () => {
	it('no text field, text area, checkbox or radio button sets its value one-way', () => {
		const offenders = sourceFiles('src', '.svelte').filter((file) =>
			oneWayFields(readFileSync(file, 'utf8'))
		);
		expect(offenders).toEqual([]);
	});

	it('the check finds the shapes it forbids, and lets hidden fields and defaults pass', () => {
		expect(oneWayFields('<input name="q" value={query} />')).toBe(1);
		expect(oneWayFields('<input\n\ttype="text"\n\tvalue={text(part)}\n/>')).toBe(1);
		expect(oneWayFields('<textarea name="t">{values.t ?? ""}</textarea>')).toBe(1);
		expect(oneWayFields('<input type="hidden" name="id" value={id} />')).toBe(0);
		expect(oneWayFields('<input name="q" defaultValue={query} />')).toBe(0);
		expect(oneWayFields('<input type="radio" name="r" value={option.id} />')).toBe(0);
		expect(oneWayFields('<input type="checkbox" name="c" checked={on} />')).toBe(1);
		expect(oneWayFields('<input type="checkbox" name="c" defaultChecked={on} />')).toBe(0);
		expect(oneWayFields('<input type="checkbox" bind:checked={on} />')).toBe(0);
	});
});
