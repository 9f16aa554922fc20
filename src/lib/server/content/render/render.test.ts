import { describe, expect, it } from 'vitest';
import { renderBody, type BodyRenderContext } from '.';
import { GERMAN_LABELS } from '$test/unit/render-labels';

const lines = (...content: string[]) => content.join('\n') + '\n';

function render(markdown: string, context: Partial<BodyRenderContext> = {}) {
	return renderBody(markdown, {
		assetBase: { courseId: 'kurs', moduleSlug: 'modul' },
		readText: () => null,
		labels: GERMAN_LABELS,
		reservedIds: ['inhalt'],
		...context
	});
}

describe('Markdown as documented in the authoring guide', () => {
	it('leaves out the frontmatter and renders the body', () => {
		const { html } = render(lines('---', 'title: "Lektion: eins"', 'minutes: 5', '---', '', 'Text **fett** und *kursiv*.'));
		expect(html).toBe('<p>Text <strong>fett</strong> und <em>kursiv</em>.</p>');
	});

	it('gives ## headings unique IDs, skips reserved ones and lists them for the table of contents', () => {
		const { html, headings } = render(
			lines('## Inhalt', '', '## Die *fünf* Bereiche', '', '### Unterpunkt', '', '## Beispiel', '', '## Beispiel')
		);
		expect(headings).toEqual([
			{ id: 'inhalt-1', text: 'Inhalt' },
			{ id: 'die-fünf-bereiche', text: 'Die fünf Bereiche' },
			{ id: 'beispiel', text: 'Beispiel' },
			{ id: 'beispiel-1', text: 'Beispiel' }
		]);
		expect(html).toContain('<h2 id="die-fünf-bereiche">Die <em>fünf</em> Bereiche</h2>');
		expect(html).toContain('<h3>Unterpunkt</h3>');
	});

	it('wraps tables in a labelled region that scrolls on narrow screens', () => {
		const { html } = render(lines('| Frage | Stelle |', '|---|---|', '| Bürgergeld | Jobcenter |'));
		expect(html).toMatch(
			/^<div class="table-scroll" role="region" tabindex="0" aria-label="Tabelle"><table>[\s\S]*<td>Jobcenter<\/td>[\s\S]*<\/table><\/div>$/
		);
	});

	it('renders task lists as disabled checkboxes and numbered lists', () => {
		const { html } = render(lines('- [ ] offen', '- [x] erledigt', '', '1. eins', '2. zwei'));
		// Each checkbox is named by its item (WCAG 4.1.2), for screen readers.
		expect(html).toContain(
			'<li class="task-list-item"><input type="checkbox" disabled aria-label="offen"> offen</li>'
		);
		expect(html).toContain(
			'<li class="task-list-item"><input type="checkbox" checked disabled aria-label="erledigt"> erledigt</li>'
		);
		expect(html).toContain('<ol>\n<li>eins</li>');
	});

	it('numbers footnotes in the order they are referenced and links both ways', () => {
		const { html, headings } = render(
			lines(
				'Erst B.[^b] Dann A.[^a] Wieder B.[^b]',
				'',
				'[^a]: Quelle A mit **Markdown**.',
				'[^b]: Quelle B, siehe [^a].',
				'[^c]: Nie verwendet.'
			)
		);
		expect(html).toContain(
			'Erst B.<sup class="footnote-ref"><a href="#fn-b" id="fnref-b">1</a></sup> Dann A.<sup class="footnote-ref"><a href="#fn-a" id="fnref-a">2</a></sup> Wieder B.<sup class="footnote-ref"><a href="#fn-b">1</a></sup>'
		);
		expect(html).toMatch(
			/<section class="footnotes"><h2 id="fußnoten">Fußnoten<\/h2><ol>\s*<li id="fn-b">\s*<p>Quelle B, siehe \[\^a\]\.<\/p>\s*<a href="#fnref-b" class="footnote-back" aria-label="Zurück zur Textstelle von Fußnote 1">↩<\/a>\s*<\/li>\s*<li id="fn-a">\s*<p>Quelle A mit <strong>Markdown<\/strong>\.<\/p>/
		);
		expect(html).not.toContain('Nie verwendet');
		expect(headings.at(-1)).toEqual({ id: 'fußnoten', text: 'Fußnoten' });
	});

	it('keeps gender stars, braces and Markdown-escaped characters as text', () => {
		const { html } = render('Lots\\*innen und {Name} sowie {#anker} bleiben Text.');
		expect(html).toBe('<p>Lots*innen und {Name} sowie {#anker} bleiben Text.</p>');
	});

	it('points relative links and images at the module’s files and leaves other links alone', () => {
		const { html } = render(
			lines(
				'![Amt](bilder/amt.png "Das Amt") [PDF](./dokumente/mein%20antrag.pdf#seite=2) [Ref][r]',
				'',
				'[Extern](https://service.berlin.de) [Mail](mailto:a@example.org) [Oben](#start) [Kurs](/kurse)',
				'',
				'[r]: bilder/karte.png'
			)
		);
		expect(html).toContain('<img src="/medien/kurs/modul/bilder/amt.png" alt="Amt" title="Das Amt">');
		expect(html).toContain('href="/medien/kurs/modul/dokumente/mein%20antrag.pdf#seite=2"');
		expect(html).toContain('href="/medien/kurs/modul/bilder/karte.png"');
		expect(html).toContain('href="https://service.berlin.de"');
		expect(html).toContain('href="mailto:a@example.org"');
		expect(html).toContain('href="#start"');
		expect(html).toContain('href="/kurse"');
	});
});

describe('components', () => {
	it('renders each Hinweis type with its label, icon and title, Markdown inside', () => {
		const { html } = render(
			lines(
				'<Hinweis>',
				'',
				'Ohne **Angaben**.',
				'',
				'</Hinweis>',
				'',
				'<Hinweis typ="tipp" titel="Gut zu wissen">',
				'',
				'Tipp.',
				'',
				'</Hinweis>',
				'',
				'<Hinweis typ="achtung" titel="Frist">',
				'',
				'- Punkt',
				'',
				'</Hinweis>'
			)
		);
		expect(html).toContain(
			'<div class="hinweis hinweis-info" role="note" aria-labelledby="hinweis-1-kopf"><p class="kopf" id="hinweis-1-kopf"><svg class="symbol" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="9"></circle><path d="M12 11v6M12 7.5V8"></path></svg> <strong>Info</strong></p>'
		);
		expect(html).toContain('<p>Ohne <strong>Angaben</strong>.</p>');
		expect(html).toContain('<strong>Tipp:</strong> <span>Gut zu wissen</span>');
		expect(html).toContain('class="hinweis hinweis-achtung" role="note" aria-labelledby="hinweis-3-kopf"');
		expect(html).toContain('<strong>Achtung:</strong> <span>Frist</span>');
		expect(html).toContain('<li>Punkt</li>');
	});

	it('renders Begriff inside a sentence as a button that opens its explanation as a popover', () => {
		const { html } = render(
			'Ein <Begriff erklaerung="Eine Entscheidung der Behörde.">**Bescheid**</Begriff> kommt per Post.'
		);
		expect(html).toBe(
			'<p>Ein <span class="begriff"><dfn><button type="button" popovertarget="begriff-1-erklaerung"><strong>Bescheid</strong></button></dfn> ' +
				'<span class="erklaerung" id="begriff-1-erklaerung" popover="auto"><span class="klammer">(</span><span class="visually-hidden">Erklärung: </span>Eine Entscheidung der Behörde.<span class="klammer">)</span></span></span> kommt per Post.</p>'
		);
	});

	it('gives each Begriff of a page its own popover', () => {
		const { html } = render('<Begriff erklaerung="Eins.">A</Begriff> und <Begriff erklaerung="Zwei.">B</Begriff>.');
		expect(html.match(/popovertarget="begriff-\d-erklaerung"/g)).toEqual([
			'popovertarget="begriff-1-erklaerung"',
			'popovertarget="begriff-2-erklaerung"'
		]);
		expect(html).toContain('id="begriff-2-erklaerung" popover="auto"><span class="klammer">(</span><span class="visually-hidden">Erklärung: </span>Zwei.');
	});

	it('keeps a paragraph that starts with a Begriff a paragraph', () => {
		// mdsvex left such paragraphs without <p>; Markdown makes them paragraphs like any other.
		const { html } = render('<Begriff erklaerung="E.">Wort</Begriff> am Anfang.');
		expect(html).toMatch(/^<p><span class="begriff">/);
	});

	it('renders audio with a Markdown transcript file whose links point into its folder', () => {
		const files: Record<string, string> = {
			'texte/gespraech.md': '**Lotsin:** Guten Tag.\n\n![Plan](../bilder/plan.png)\n'
		};
		const { html } = render(
			lines(
				'<Medien typ="audio" src="audio/a.mp3" titel="Gespräch" transkript="texte/gespraech.md" />',
				'',
				'Danach geht es weiter.'
			),
			{ readText: (path) => files[path] ?? null }
		);
		expect(html).toContain(
			'<figure class="medien"><figcaption>Gespräch</figcaption> <audio controls preload="metadata" src="/medien/kurs/modul/audio/a.mp3"><p>Ihr Browser kann diese Datei nicht abspielen. <a href="/medien/kurs/modul/audio/a.mp3">Datei herunterladen</a></p></audio> <details class="transkript"><summary>Transkript</summary> <div class="transkript-text"><p><strong>Lotsin:</strong> Guten Tag.</p>'
		);
		expect(html).toContain('<img src="/medien/kurs/modul/bilder/plan.png" alt="Plan">');
		// The self-closing tag ends the component: what follows stays outside.
		expect(html).toMatch(/<\/figure>\s*<p>Danach geht es weiter\.<\/p>$/);
	});

	it('renders video with captions in the given language and a text transcript line by line', () => {
		// A blank line would end the HTML block in Markdown; longer transcripts go in a file.
		const { html } = render(
			'<Medien typ="video" src="video/a.mp4" untertitel="video/a.vtt" sprache="tr" transkript="A: Hallo.\nB: Tschüss." />'
		);
		expect(html).toContain(
			'<video controls preload="metadata" src="/medien/kurs/modul/video/a.mp4"><track kind="captions" src="/medien/kurs/modul/video/a.vtt" srclang="tr" label="Untertitel" default>'
		);
		expect(html).toContain('<p class="zeilen">A: Hallo.\nB: Tschüss.</p>');
	});

	it('reads a .txt transcript and leaves out a transcript file that does not exist', () => {
		const withText = render('<Medien typ="audio" src="a.mp3" transkript="texte/a.txt" />', {
			readText: (path) => (path === 'texte/a.txt' ? 'Zeile 1\nZeile 2' : null)
		});
		expect(withText.html).toContain('<p class="zeilen">Zeile 1\nZeile 2</p>');
		const missing = render('<Medien typ="audio" src="a.mp3" transkript="texte/fehlt.md" />');
		expect(missing.html).not.toContain('<details');
	});

	it('uses the labels of the reader’s language', () => {
		const { html } = render(lines('<Hinweis typ="tipp">', '', 'x', '', '</Hinweis>', '', 'A[^1]', '', '[^1]: B'), {
			labels: {
				...GERMAN_LABELS,
				hint: { info: 'Info', tipp: 'Tip', achtung: 'Caution' },
				footnotesHeading: 'Footnotes',
				footnoteBack: (number) => `Back to footnote ${number}`
			}
		});
		expect(html).toContain('<strong>Tip</strong>');
		expect(html).toContain('<h2 id="footnotes">Footnotes</h2>');
		expect(html).toContain('aria-label="Back to footnote 1"');
	});
});
