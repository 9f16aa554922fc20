import { describe, expect, it } from 'vitest';
import { buildWith, ITEM, itemErrors, itemWarnings, lines, MODULE, problemsIn } from '../../../../tests/fixtures/content/helpers';

const lesson = (...body: string[]) => lines('---', 'title: Lektion', '---', '', ...body);
const asset = (path: string) => `courses/01-kurs/01-modul/${path}`;

describe('headings', () => {
	it('requires ## as the first heading of a lesson', () => {
		expect(itemErrors(lesson('# Titel', '', 'Text.'))).toEqual([
			'5: Die erste Überschrift im Text muss eine ##-Überschrift sein, nicht #.'
		]);
		expect(itemErrors(lesson('### Klein', '', 'Text.'))).toEqual([
			'5: Die erste Überschrift im Text muss eine ##-Überschrift sein, nicht ###.'
		]);
	});

	it('rejects a # heading later in the body', () => {
		expect(itemErrors(lesson('## Eins', '', '# Zwei'))).toEqual([
			'7: Überschriften mit # sind dem Titel vorbehalten; bitte ## verwenden.'
		]);
	});

	it('accepts a body without headings', () => {
		expect(itemErrors(lesson('Nur Text.'))).toEqual([]);
	});
});

describe('images', () => {
	it('requires a description of every image, in Markdown and in HTML', () => {
		expect(itemErrors(lesson('## A', '', '![](https://example.org/amt.png)'))).toEqual([
			'7: Das Bild „https://example.org/amt.png“ hat keinen Alternativtext. Schreiben Sie in die eckigen Klammern, was darauf zu sehen ist, z. B. ![Wartebereich im Bürgeramt](bilder/wartebereich.png).'
		]);
		expect(itemErrors(lesson('## A', '', '<img src="https://example.org/amt.png">'))).toEqual([
			'7: <img> ohne alt-Attribut: Bitte beschreiben Sie in alt="…", was auf dem Bild zu sehen ist.'
		]);
		// alt="" marks decoration on purpose.
		expect(itemErrors(lesson('## A', '', '<img src="https://example.org/amt.png" alt="">'))).toEqual([]);
	});
});

describe('link targets', () => {
	it('reports a relative image that does not exist', () => {
		expect(itemErrors(lesson('## A', '', '![Amt](bilder/x.png)'))).toEqual([
			'7: Link-Ziel „bilder/x.png“ existiert nicht.'
		]);
	});

	it('accepts existing files, encoded names, fragments and external or absolute links', () => {
		const raw = lesson(
			'## A',
			'',
			'![Amt](bilder/amt.png) [PDF](dateien/mein%20antrag.pdf#seite=2) [Web](https://example.org)',
			'[Intern](/kurse) [Oben](#a) [Mail](mailto:a@example.org) [ref][r]',
			'',
			'[r]: ./bilder/amt.png'
		);
		expect(itemErrors(raw, [asset('bilder/amt.png'), asset('dateien/mein antrag.pdf')])).toEqual([]);
	});

	it('reports links that leave the module folder or point at another page', () => {
		expect(itemErrors(lesson('## A', '', '[x](../02-anderes/bild.png)', '', '[y](02-zwei.md)'), [])).toEqual([
			'7: Link-Ziel „../02-anderes/bild.png“ liegt außerhalb des Modulordners.',
			'9: Link-Ziel „02-zwei.md“ existiert nicht.'
		]);
		const result = buildWith({
			[ITEM]: lesson('## A', '', '[y](02-zwei.md)'),
			'courses/01-kurs/01-modul/02-zwei.md': lesson('## B')
		});
		expect(problemsIn(result.errors, ITEM)).toEqual([
			'7: Link-Ziel „02-zwei.md“ ist eine Kursseite; Links zwischen Lektionen werden nicht unterstützt.'
		]);
	});

	it('rejects relative links in course.md, which has no module folder', () => {
		const course = lines('---', 'title: K', 'summary: S', '---', '', '![Logo](logo.png)');
		const result = buildWith({ 'courses/01-kurs/course.md': course, [ITEM]: lesson('## A') });
		expect(problemsIn(result.errors, 'courses/01-kurs/course.md')).toEqual([
			'6: Link-Ziel „logo.png“: relative Links sind in course.md nicht möglich, Dateien gehören in einen Modulordner.'
		]);
	});

	it('checks links in module.md and in quiz prompts too', () => {
		const result = buildWith({
			[MODULE]: lines('---', 'title: M', '---', '', '![x](fehlt.png)'),
			[ITEM]: lines('---', 'type: quiz', 'title: T', '---', '', '## F', '', '![x](weg.png)', '', '- [x] A', '- [ ] B')
		});
		expect(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
			`${ITEM}:8: Link-Ziel „weg.png“ existiert nicht.`,
			`${MODULE}:5: Link-Ziel „fehlt.png“ existiert nicht.`
		]);
	});
});

describe('authoring components', () => {
	it('accepts Hinweis, Begriff and Medien used as documented', () => {
		const raw = lesson(
			'## A',
			'',
			'<Hinweis typ="achtung" titel="Frist">',
			'',
			'Zwei Wochen.',
			'',
			'</Hinweis>',
			'',
			'Das <Begriff erklaerung="Meldebehörde">Bürgeramt</Begriff> hilft.',
			'',
			'<Medien typ="video" src="video/a.mp4" untertitel="video/a.vtt" />',
			'',
			'<Medien typ="audio" src="audio/b.mp3" transkript="Sprecherin: Hallo." />'
		);
		const files = ['video/a.mp4', 'video/a.vtt', 'audio/b.mp3'].map(asset);
		expect(itemErrors(raw, files)).toEqual([]);
	});

	it('requires captions or a transcript for video and a transcript for audio', () => {
		expect(itemErrors(lesson('<Medien typ="video" src="v.mp4" />'), [asset('v.mp4')])).toEqual([
			'5: <Medien> ohne Untertitel oder Transkript: bitte „untertitel“ (.vtt) oder „transkript“ angeben.'
		]);
		expect(
			itemErrors(lesson('<Medien typ="audio" src="a.mp3" untertitel="a.vtt" />'), [asset('a.mp3'), asset('a.vtt')])
		).toEqual(['5: <Medien typ="audio"> braucht ein Transkript („transkript“).']);
	});

	it('checks the transcript file, the media type, src and the captions format', () => {
		expect(
			itemErrors(lesson('<Medien typ="film" untertitel="u.srt" transkript="texte/fehlt.md" />'))
		).toEqual([
			'5: Link-Ziel „u.srt“ existiert nicht.',
			'5: Link-Ziel „texte/fehlt.md“ existiert nicht.',
			'5: <Medien>: „typ“ muss audio oder video sein.',
			'5: <Medien> braucht „src“ (die Datei).',
			'5: <Medien>: „untertitel“ muss eine .vtt-Datei sein.'
		]);
	});

	it('reports a wrong Hinweis type, a Begriff without explanation and unknown attributes', () => {
		expect(
			itemErrors(
				lesson('<Hinweis typ="warnung" farbe="rot">', '', 'Text', '', '</Hinweis>', '', 'Ein <Begriff>Wort</Begriff>.')
			)
		).toEqual([
			'5: Unbekannte Angabe „farbe“ bei <Hinweis>.',
			'5: <Hinweis>: „typ“ muss info, tipp oder achtung sein, nicht „warnung“.',
			'11: <Begriff> braucht eine „erklaerung“.'
		]);
	});

	it('reports unknown components and a Hinweis inside a paragraph', () => {
		expect(itemErrors(lesson('<Karte ort="Berlin" />', '', 'Text <Hinweis>kurz</Hinweis> mehr.'))).toEqual([
			'5: Unbekannte Komponente <Karte>; verfügbar sind Hinweis, Begriff, Medien.',
			'7: <Hinweis> muss auf einer eigenen Zeile stehen, mit Leerzeilen davor und danach.'
		]);
	});

	it('warns when Hinweis content lacks the blank lines Markdown needs', () => {
		expect(itemWarnings(lesson('<Hinweis typ="tipp">', 'Das ist **wichtig**.', '</Hinweis>'))).toEqual([
			'5: Nach <Hinweis …> und vor </Hinweis> fehlt eine Leerzeile; ohne sie wird das Markdown darin nicht umgesetzt.'
		]);
		expect(itemWarnings(lesson('<Hinweis typ="tipp">', '', 'Gut.', '', '</Hinweis>'))).toEqual([]);
	});

	it('asks for quoted attribute values', () => {
		expect(itemErrors(lesson('<Medien typ="audio" src={datei} transkript="Text" />'))).toEqual([
			'5: <Medien>: „src“ bitte als Text in Anführungszeichen angeben.'
		]);
	});

	it('warns once per line that HTML in a quiz is not shown, however many tags the line has', () => {
		const quiz = lines(
			'---', 'type: quiz', 'title: T', '---', '', '## F', '',
			'<Hinweis>x</Hinweis> und <b>fett</b>', '', 'Noch <i>eine</i> Zeile.', '', '- [x] A', '- [ ] B'
		);
		expect(itemWarnings(quiz)).toEqual([
			'8: HTML und Komponenten werden in Quizzen nicht angezeigt.',
			'10: HTML und Komponenten werden in Quizzen nicht angezeigt.'
		]);
	});
});

describe('gender star warning', () => {
	it('warns when *innen became emphasis, and tells the author to write \\*', () => {
		expect(itemWarnings(lesson('## A', '', 'Lots*innen und Berater*innen helfen.'))).toEqual([
			'7: „*“ wurde als Hervorhebung gelesen. Für das Gendersternchen bitte \\* schreiben (z. B. Lots\\*innen).'
		]);
	});

	it('stays quiet for escaped stars and real emphasis', () => {
		expect(itemWarnings(lesson('## A', '', 'Lots\\*innen und Berater\\*innen sind *innen* und *wichtig*.'))).toEqual([]);
	});
});
