import { describe, expect, it } from 'vitest';
import { buildWith, ITEM, itemErrors, itemWarnings, lines, problemsIn } from '../../../../tests/fixtures/content/helpers';
import { HARMLESS_LOOKALIKES, UNSAFE_PAYLOADS } from '../../../../tests/fixtures/content/payloads';

const lesson = (...body: string[]) => lines('---', 'title: Lektion', '---', '', '## A', '', ...body);
/** The line of the first body line after `lesson()`'s heading. */
const FIRST = 7;

describe('content that could run code', () => {
	for (const { name, markdown } of UNSAFE_PAYLOADS) {
		it(`rejects ${name} with a German message on its line`, () => {
			const errors = itemErrors(lesson(markdown));
			const last = FIRST + markdown.split('\n').length - 1;
			expect(errors.length, errors.join('\n')).toBeGreaterThan(0);
			for (const error of errors) {
				const line = Number(error.split(':')[0]);
				expect(line, error).toBeGreaterThanOrEqual(FIRST);
				expect(line, error).toBeLessThanOrEqual(last);
			}
		});
	}

	for (const { name, markdown } of HARMLESS_LOOKALIKES) {
		it(`accepts ${name}`, () => {
			expect(itemErrors(lesson(markdown))).toEqual([]);
		});
	}

	it('names what is wrong and why', () => {
		const raw = lesson(
			'<script>alert(1)</script>',
			'',
			'<img src="bild.png" alt="" onerror="alert(1)">',
			'',
			'[Klick](javascript:alert(1))',
			'',
			'Text {@html gefahr} mehr.',
			'',
			'<svelte:head></svelte:head>',
			'',
			'<iframe src="https://example.org"></iframe>',
			'',
			'<marquee>Lauf</marquee>'
		);
		expect(itemErrors(raw, ['courses/01-kurs/01-modul/bild.png'])).toEqual([
			'7: <script> ist in Inhalten nicht erlaubt (führt Code aus).',
			'9: „onerror“ bei <img> ist nicht erlaubt: Ereignis-Angaben (on…) führen Code aus.',
			'11: Link-Ziel „javascript:alert(1)“ ist nicht erlaubt: nur Dateien im Modulordner und Adressen mit http:, https:, mailto: oder tel:.',
			'13: „{@html gefahr}“ ist Svelte-Code und in Inhalten nicht erlaubt. Geschweifte Klammern sind sonst normaler Text.',
			'15: <svelte:head> ist Svelte-Code und in Inhalten nicht erlaubt.',
			'17: <iframe> ist in Inhalten nicht erlaubt (bettet fremde Seiten ein).',
			'19: Das HTML-Element <marquee> ist nicht erlaubt. Verwenden Sie Markdown oder die Komponenten Hinweis, Begriff und Medien.'
		]);
	});

	it('finds the line of a tag inside a multi-line HTML block', () => {
		expect(itemErrors(lesson('<div>', 'Zeile zwei', '<p style="color:red">rot</p>', '</div>'))).toEqual([
			'9: Die Angabe „style“ ist bei <p> nicht erlaubt.'
		]);
	});

	it('rejects in quizzes too, where other HTML only gets a warning', () => {
		const quiz = lines('---', 'type: quiz', 'title: T', '---', '', '## F', '', '<script>x()</script>', '', '- [x] <b>A</b>', '- [ ] B');
		expect(itemErrors(quiz)).toEqual(['8: <script> ist in Inhalten nicht erlaubt (führt Code aus).']);
		expect(itemWarnings(quiz)).toEqual([
			'8: HTML und Komponenten werden in Quizzen nicht angezeigt.',
			'10: HTML und Komponenten werden in Quizzen nicht angezeigt.'
		]);
	});

	it('checks module.md bodies as well', () => {
		const result = buildWith({
			'courses/01-kurs/01-modul/module.md': lines('---', 'title: M', '---', '', '<script>x()</script>'),
			[ITEM]: lesson('Text.')
		});
		expect(problemsIn(result.errors, 'courses/01-kurs/01-modul/module.md')).toEqual([
			'5: <script> ist in Inhalten nicht erlaubt (führt Code aus).'
		]);
	});
});

describe('plain HTML in lessons', () => {
	it('accepts the simple HTML that GitHub allows in Markdown', () => {
		const raw = lesson(
			'Zeile<br>Umbruch, H<sub>2</sub>O, m<sup>2</sup>, <kbd>Strg</kbd>, <ins>neu</ins>, <del>alt</del>.',
			'',
			'<details>',
			'<summary>Mehr</summary>',
			'',
			'Text mit **Markdown**.',
			'',
			'</details>',
			'',
			'<a href="https://service.berlin.de" title="Service">Service-Portal</a> und <a href="tel:+49301234">Telefon</a>'
		);
		expect(itemErrors(raw)).toEqual([]);
	});

	it('rejects attributes outside the allow-list, such as id and class', () => {
		expect(itemErrors(lesson('<span id="x" class="y">z</span>'))).toEqual([
			'7: Die Angabe „id“ ist bei <span> nicht erlaubt.',
			'7: Die Angabe „class“ ist bei <span> nicht erlaubt.'
		]);
	});

	it('reports elements that are never closed and closing tags without an opening one', () => {
		expect(itemErrors(lesson('<div>', '', 'Offen.', '', '</span>'))).toEqual([
			'7: <div> wird nicht geschlossen (</div> fehlt).',
			'11: </span> schließt nichts: Das öffnende <span> fehlt.'
		]);
		expect(itemErrors(lesson('<Hinweis typ="tipp">', '', 'Ohne Ende.'))).toEqual([
			'7: <Hinweis> wird nicht geschlossen (</Hinweis> fehlt).'
		]);
	});

	it('reports a component tag that Markdown cannot read', () => {
		expect(
			itemErrors(lesson('<Medien typ="audio" src="a.mp3" transkript="Erster Absatz.', '', 'Zweiter." />'))
		).toEqual([
			'7: <Medien …> ist unvollständig: Fehlt ein „>“ oder ein Anführungszeichen, oder steht in einer Angabe eine Leerzeile?'
		]);
	});

	it('lets optional end tags and self-closing components pass', () => {
		expect(
			itemErrors(
				lesson('<ul><li>eins<li>zwei</ul>', '', '<Medien typ="audio" src="https://example.org/a.mp3" transkript="Text" />')
			)
		).toEqual([]);
	});
});
