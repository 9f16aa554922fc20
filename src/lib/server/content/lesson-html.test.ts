import { describe, expect, it } from 'vitest';
import { addHeadingIds, prepareLessonHtml, textOf, wrapTables } from './lesson-html';

describe('heading IDs', () => {
	it('gives each h2 an ID from its text and lists the headings in order', () => {
		const { html, headings } = addHeadingIds(
			'<p>Intro</p><h2>Worum es geht</h2><p>x</p><h2>Die <em>fünf</em> Bereiche</h2>'
		);
		expect(headings).toEqual([
			{ id: 'worum-es-geht', text: 'Worum es geht' },
			{ id: 'die-fünf-bereiche', text: 'Die fünf Bereiche' }
		]);
		expect(html).toContain('<h2 id="worum-es-geht">Worum es geht</h2>');
		expect(html).toContain('<h2 id="die-fünf-bereiche">Die <em>fünf</em> Bereiche</h2>');
	});

	it('makes repeated headings unique and avoids IDs the page already uses', () => {
		const { headings } = addHeadingIds('<h2>Inhalt</h2><h2>Beispiel</h2><h2>Beispiel</h2>', [
			'inhalt'
		]);
		expect(headings.map((heading) => heading.id)).toEqual(['inhalt-1', 'beispiel', 'beispiel-1']);
	});

	it('keeps an existing ID and other attributes, and ignores h3', () => {
		const { html, headings } = addHeadingIds(
			'<h2 class="x" id="eigen">A</h2><h2 class="y">B &amp; C</h2><h3>D</h3>'
		);
		expect(headings).toEqual([
			{ id: 'eigen', text: 'A' },
			{ id: 'b--c', text: 'B & C' }
		]);
		expect(html).toContain('<h2 class="y" id="b--c">');
		expect(html).toContain('<h3>D</h3>');
	});

	it('reads text without tags, comments and entities', () => {
		expect(textOf('<!---->Rechte &amp; Pflichten <span>im&nbsp;Amt</span>')).toBe(
			'Rechte & Pflichten im Amt'
		);
	});
});

describe('tables', () => {
	it('wraps each table in a focusable, labelled scroll region', () => {
		const html = wrapTables('<p>a</p><table><tr><td>1</td></tr></table>', 'Tabelle "breit"');
		expect(html).toBe(
			'<p>a</p><div class="table-scroll" role="region" tabindex="0" aria-label="Tabelle &quot;breit&quot;"><table><tr><td>1</td></tr></table></div>'
		);
	});

	it('prepares both in one step', () => {
		const { html, headings } = prepareLessonHtml('<h2>A</h2><table></table>', {
			tableLabel: 'Tabelle'
		});
		expect(headings).toHaveLength(1);
		expect(html).toContain('role="region"');
	});
});
