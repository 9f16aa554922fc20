import { describe, expect, it } from 'vitest';
import { buildWith, ITEM, itemErrors, lines } from '../../../../tests/fixtures/content/helpers';
import { parseContentFile } from './parse-file';
import type { QuizQuestion } from '$lib/content/quiz-types';

const quiz = (...body: string[]) => lines('---', 'type: quiz', 'title: Test', '---', '', ...body);

/** Parses a quiz body on its own (path inside a module, no asset checks). */
function questionsOf(raw: string): QuizQuestion[] {
	const { parsed, errors } = parseContentFile(ITEM, raw, {
		assetBase: { courseId: 'kurs', moduleSlug: 'modul' }
	});
	expect(errors).toEqual([]);
	if (parsed?.kind !== 'quiz') throw new Error('not a quiz');
	return parsed.questions;
}

describe('quiz question types', () => {
	it('reads a task list with one [x] as single choice, with feedback and option feedback', () => {
		const [question] = questionsOf(
			quiz(
				'## Wo melden Sie einen Wohnsitz an? {#anmeldung}',
				'',
				'Eine *Vorbemerkung*.',
				'',
				'- [ ] Im Jobcenter',
				'- [x] Im **Bürgeramt**',
				'  > Richtig, dort.',
				'- [ ] In der Ausländerbehörde',
				'',
				'> Innerhalb von zwei Wochen.'
			)
		);
		expect(question).toEqual({
			id: 'anmeldung',
			type: 'single',
			promptHtml: '<p>Wo melden Sie einen Wohnsitz an?</p><p>Eine <em>Vorbemerkung</em>.</p>',
			options: [
				{ id: 'o1', html: 'Im Jobcenter', correct: false },
				{
					id: 'o2',
					html: 'Im <strong>Bürgeramt</strong>',
					correct: true,
					feedbackHtml: '<p>Richtig, dort.</p>'
				},
				{ id: 'o3', html: 'In der Ausländerbehörde', correct: false }
			],
			feedbackHtml: '<p>Innerhalb von zwei Wochen.</p>'
		});
	});

	it('reads a task list under {#id .multiple} as multiple choice', () => {
		const [question] = questionsOf(
			quiz('## Welche Aufgaben? {#aufgaben .multiple}', '', '- [x] Übertragen', '- [ ] Raten', '- [x] Nachfragen')
		);
		expect(question).toMatchObject({
			id: 'aufgaben',
			type: 'multiple',
			options: [
				{ id: 'o1', correct: true },
				{ id: 'o2', correct: false },
				{ id: 'o3', correct: true }
			]
		});
	});

	it('accepts {.multiple} without an id and then slugs the heading', () => {
		const [question] = questionsOf(quiz('## Was trifft zu? {.multiple}', '', '- [x] A', '- [ ] B'));
		expect(question).toMatchObject({ id: 'was-trifft-zu', type: 'multiple' });
	});

	it('reads a paragraph with [[gaps]] as cloze, alternatives split at |', () => {
		const [question] = questionsOf(
			quiz(
				'## Ergänzen Sie. {#frist}',
				'',
				'Gegen einen Bescheid kann man innerhalb eines [[Monats|Monat]] [[ Widerspruch ]] einlegen.'
			)
		);
		expect(question).toEqual({
			id: 'frist',
			type: 'cloze',
			promptHtml: '<p>Ergänzen Sie.</p>',
			parts: [
				{ kind: 'text', html: 'Gegen einen Bescheid kann man innerhalb eines ' },
				{ kind: 'gap', id: 'g1', answers: ['Monats', 'Monat'] },
				{ kind: 'text', html: ' ' },
				{ kind: 'gap', id: 'g2', answers: ['Widerspruch'] },
				{ kind: 'text', html: ' einlegen.' }
			]
		});
	});

	it('finds gaps that remark splits into link references, autolinks and emphasis', () => {
		const [question] = questionsOf(
			quiz(
				'## Lücken {#luecken}',
				'',
				'*Erst* [[a]] dann [[www.example.org]] und [[*b*]] und `[[kein]]` Ende.',
				'',
				'[a]: https://example.org'
			)
		);
		expect(question).toMatchObject({
			type: 'cloze',
			parts: [
				{ kind: 'text', html: '<em>Erst</em> ' },
				{ kind: 'gap', id: 'g1', answers: ['a'] },
				{ kind: 'text', html: ' dann ' },
				{ kind: 'gap', id: 'g2', answers: ['www.example.org'] },
				{ kind: 'text', html: ' und ' },
				{ kind: 'gap', id: 'g3', answers: ['b'] },
				{ kind: 'text', html: ' und <code>[[kein]]</code> Ende.' }
			]
		});
	});

	it('reads a two-column table as matching', () => {
		const [question] = questionsOf(
			quiz(
				'## Ordnen Sie zu. {#zuordnung}',
				'',
				'| Anliegen | Stelle |',
				'|---|---|',
				'| Bürgergeld | Jobcenter |',
				'| *Aufenthaltstitel* | Landesamt für Einwanderung |'
			)
		);
		expect(question).toEqual({
			id: 'zuordnung',
			type: 'matching',
			promptHtml: '<p>Ordnen Sie zu.</p>',
			leftHeader: 'Anliegen',
			rightHeader: 'Stelle',
			pairs: [
				{ id: 'p1', leftHtml: 'Bürgergeld', right: 'Jobcenter' },
				{ id: 'p2', leftHtml: '<em>Aufenthaltstitel</em>', right: 'Landesamt für Einwanderung' }
			]
		});
	});

	it('reads an ordered list as ordering, steps in written order', () => {
		const [question] = questionsOf(
			quiz('## Reihenfolge {#schritte}', '', '1. Termin vereinbaren', '2. Unterlagen sammeln', '3. Hingehen', '', '> So geht es.')
		);
		expect(question).toEqual({
			id: 'schritte',
			type: 'ordering',
			promptHtml: '<p>Reihenfolge</p>',
			steps: [
				{ id: 's1', html: 'Termin vereinbaren' },
				{ id: 's2', html: 'Unterlagen sammeln' },
				{ id: 's3', html: 'Hingehen' }
			],
			feedbackHtml: '<p>So geht es.</p>'
		});
	});

	it('keeps numbered lists and tables before the options as question text', () => {
		const [question] = questionsOf(
			quiz('## Was folgt?', '', '1. Antrag', '2. Bescheid', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', '- [x] Widerspruch', '- [ ] Nichts')
		);
		expect(question).toMatchObject({ type: 'single', id: 'was-folgt' });
		expect(question?.promptHtml).toContain('<ol>');
		expect(question?.promptHtml).toContain('<table>');
	});

	it('slugs the heading text when there is no {#id}', () => {
		const [question] = questionsOf(quiz('## Wo melden Sie sich an?', '', '- [x] Hier', '- [ ] Dort'));
		expect(question?.id).toBe('wo-melden-sie-sich-an');
	});

	it('rewrites relative images in prompts to the asset URL and sanitises HTML', () => {
		const raw = quiz(
			'## Bild {#bild}',
			'',
			'![Amt](bilder/amt.png)',
			'',
			'- [x] <b onclick="x()">A</b>',
			'- [ ] B'
		);
		const { parsed, errors } = parseContentFile(ITEM, raw, {
			assetBase: { courseId: 'kurs', moduleSlug: 'modul' }
		});
		// The check rejects the handler; should such a file be rendered anyway, nothing runs.
		expect(errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
			'10: „onclick“ bei <b> ist nicht erlaubt: Ereignis-Angaben (on…) führen Code aus.'
		]);
		const [question] = parsed?.kind === 'quiz' ? parsed.questions : [];
		expect(question?.promptHtml).toBe(
			'<p>Bild</p><p><img src="/medien/kurs/modul/bilder/amt.png" alt="Amt"></p>'
		);
		expect(question?.type === 'single' && question.options[0]?.html).toBe('A');
	});

	it('records the sha256 of the raw file', () => {
		const raw = quiz('## F', '', '- [x] A', '- [ ] B');
		const { parsed } = parseContentFile(ITEM, raw);
		expect(parsed?.kind === 'quiz' && parsed.contentHash).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('quiz errors', () => {
	it('single choice without a checked option', () => {
		expect(itemErrors(quiz('## Wohin?', '', '- [ ] A', '- [ ] B'))).toEqual([
			'6: Die Frage „Wohin?“ hat keine richtige Antwort.'
		]);
	});

	it('single choice with two checked options', () => {
		expect(itemErrors(quiz('## Wohin?', '', '- [x] A', '- [x] B'))).toEqual([
			'6: Die Frage „Wohin?“ hat 2 richtige Antworten, erlaubt ist eine. Für Mehrfachauswahl die Überschrift mit {.multiple} markieren.'
		]);
	});

	it('multiple choice without a checked option', () => {
		expect(itemErrors(quiz('## Was? {.multiple}', '', '- [ ] A', '- [ ] B'))).toEqual([
			'6: Die Frage „Was?“ hat keine richtige Antwort.'
		]);
	});

	it('a question without an answer part', () => {
		expect(itemErrors(quiz('## Was denken Sie?', '', 'Nur ein Absatz.', '', '- ohne Kästchen'))).toEqual([
			'6: Die Frage „Was denken Sie?“ hat keinen erkennbaren Antwortteil (Ankreuzliste, Lücken [[…]], zweispaltige Tabelle oder nummerierte Liste).'
		]);
	});

	it('a question mixing answer types', () => {
		expect(
			itemErrors(quiz('## Gemischt', '', 'Eine [[Lücke]].', '', '- [x] A', '- [ ] B'))
		).toEqual([
			'6: Die Frage „Gemischt“ mischt mehrere Antwortformen (Lückentext, Ankreuzliste); erlaubt ist eine pro Frage.'
		]);
	});

	it('two task lists in one question', () => {
		expect(itemErrors(quiz('## Zwei', '', '- [x] A', '- [ ] B', '', 'Text', '', '- [x] C', '- [ ] D'))).toEqual([
			'13: Die Frage „Zwei“ hat mehrere Antwortteile (2 × Ankreuzliste); erlaubt ist einer pro Frage.'
		]);
	});

	it('a task list followed by an ordered list', () => {
		expect(itemErrors(quiz('## Was?', '', '- [x] A', '- [ ] B', '', '1. C', '2. D'))).toEqual([
			'6: Die Frage „Was?“ mischt mehrere Antwortformen (Ankreuzliste, nummerierte Liste); erlaubt ist eine pro Frage.'
		]);
	});

	it('a list mixing task items and plain items', () => {
		expect(itemErrors(quiz('## Liste', '', '- [x] A', '- B'))).toEqual([
			'9: Jede Antwortoption der Frage „Liste“ braucht [ ] oder [x].'
		]);
	});

	it('.multiple on a question that is not a task list', () => {
		expect(itemErrors(quiz('## Reihe {.multiple}', '', '1. A', '2. B'))).toEqual([
			'6: „.multiple“ gilt nur für Fragen mit Ankreuzliste.'
		]);
	});

	it('duplicate question ids, also from slugs', () => {
		expect(
			itemErrors(quiz('## Frage {#f}', '', '- [x] A', '- [ ] B', '', '## F {#f}', '', '- [x] A', '- [ ] B'))
		).toEqual(['11: Doppelte Fragen-ID „f“: Die Frage „Frage“ weiter oben hat dieselbe.']);
		expect(
			itemErrors(quiz('## Gleich', '', '- [x] A', '- [ ] B', '', '## Gleich', '', '- [x] A', '- [ ] B'))
		).toEqual(['11: Doppelte Fragen-ID „gleich“: Die Frage „Gleich“ weiter oben hat dieselbe.']);
	});

	it('draw larger than the number of questions', () => {
		const raw = lines('---', 'type: quiz', 'title: T', 'draw: 3', '---', '', '## F', '', '- [x] A', '- [ ] B');
		expect(itemErrors(raw)).toEqual(['4: „draw“ (3) ist größer als die Zahl der Fragen (1).']);
	});

	it('a gap without a solution', () => {
		expect(itemErrors(quiz('## Lücke', '', 'Text [[Wort]] und', '[[ | ]] hier.'))).toEqual([
			'9: Lücke ohne Lösung.'
		]);
	});

	it('a gap inside emphasis', () => {
		expect(itemErrors(quiz('## Lücke', '', 'Text *mit [[Wort]]* hier.'))).toEqual([
			'8: Eine Lücke darf nicht innerhalb einer Hervorhebung oder eines Links stehen.'
		]);
	});

	it('an unknown heading marker and a marker not at the end', () => {
		expect(itemErrors(quiz('## Frage {#f .mehrfach}', '', '- [x] A', '- [ ] B'))).toEqual([
			'6: Unbekanntes Merkmal „.mehrfach“ in der Überschrift; erlaubt sind {#id} und {.multiple}.'
		]);
		expect(itemErrors(quiz('## *Frage {#f}*', '', '- [x] A', '- [ ] B'))).toEqual([
			'6: Das Merkmal {…} muss am Ende der Überschrift stehen.'
		]);
	});

	it('an invalid explicit id, a heading without text and a text without a slug', () => {
		expect(itemErrors(quiz('## Frage {#a/b}', '', '- [x] A', '- [ ] B'))).toEqual([
			'6: Ungültige Fragen-ID „a/b“: erlaubt sind Buchstaben, Ziffern, - und _.'
		]);
		expect(itemErrors(quiz('## {#leer}', '', '- [x] A', '- [ ] B'))).toEqual([
			'6: Die Frage hat keinen Text.'
		]);
		expect(itemErrors(quiz('## ???', '', '- [x] A', '- [ ] B'))).toEqual([
			'6: Aus dem Fragetext lässt sich keine ID bilden: bitte {#id} ans Ende der Überschrift setzen.'
		]);
	});

	it('empty options and cells, repeated steps and left items', () => {
		expect(itemErrors(quiz('## F', '', '- [x] A', '- [ ]'))).toEqual([
			'9: Leere Antwortoption in der Frage „F“.'
		]);
		expect(itemErrors(quiz('## F', '', '| L | R |', '|---|---|', '| a | b |', '|  | c |'))).toEqual([
			'11: Leere Zelle in der Zuordnung „F“.'
		]);
		expect(itemErrors(quiz('## F', '', '| L | R |', '|---|---|', '| a | b |', '| A | c |'))).toEqual([
			'11: „A“ steht in der Zuordnung „F“ mehrfach links.'
		]);
		expect(itemErrors(quiz('## F', '', '1. Eins', '2. Zwei', '3. eins'))).toEqual([
			'10: Der Schritt „eins“ kommt in der Frage „F“ doppelt vor.'
		]);
	});

	it('a quiz without questions', () => {
		expect(itemErrors(quiz('Nur Text.'))).toEqual(['1: Das Quiz enthält keine Fragen (## Überschriften).']);
	});

	it('content after the answers that is not a blockquote', () => {
		expect(itemErrors(quiz('## F', '', '- [x] A', '- [ ] B', '', 'Noch ein Absatz.'))).toEqual([
			'11: Nach den Antworten der Frage „F“ ist nur ein Zitat (> …) als Rückmeldung erlaubt.'
		]);
	});

	it('too few options, rows and steps', () => {
		expect(itemErrors(quiz('## F', '', '- [x] A'))).toEqual([
			'8: Die Frage „F“ braucht mindestens zwei Antwortoptionen.'
		]);
		expect(itemErrors(quiz('## F', '', '| L | R |', '|---|---|', '| a | b |'))).toEqual([
			'8: Die Zuordnung „F“ braucht mindestens zwei Zeilen unter der Kopfzeile.'
		]);
		expect(itemErrors(quiz('## F', '', '1. Nur einer'))).toEqual([
			'8: Die Reihenfolge-Frage „F“ braucht mindestens zwei Schritte.'
		]);
	});

	it('warns about text before the first question', () => {
		const result = buildWith({ [ITEM]: quiz('Einleitung.', '', '## F', '', '- [x] A', '- [ ] B') });
		expect(result.errors).toEqual([]);
		expect(result.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
			'6: Inhalt vor der ersten Frage (##) wird im Quiz nicht angezeigt.'
		]);
	});
});
