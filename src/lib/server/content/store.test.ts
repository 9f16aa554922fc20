import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readContentSnapshot, type ContentSnapshot } from './disk';
import { GERMAN_LABELS } from '$test/unit/render-labels';
import { renderItemBody } from './bodies';
import { prepareContent } from './prepare';
import { publishContent, renderCache, type ContentVersion } from './store';

const fixture = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
const WELCOME = 'courses/01-grundlagen/01-ankommen/01-willkommen.md';
const SUMMARY = 'courses/01-grundlagen/02-vertiefung/zusammenfassung.md';
const TRANSCRIPT = 'courses/01-grundlagen/01-ankommen/texte/gespraech.md';
const options = { locale: 'de', labels: GERMAN_LABELS, reservedIds: [] };

let original: ContentSnapshot;

/** The fixture with some files replaced, as a changed CONTENT_DIR would read. */
function snapshotWith(changes: Record<string, string> = {}, texts: Record<string, string> = {}): ContentSnapshot {
	return {
		...original,
		files: original.files.map((file) => ({ ...file, raw: changes[file.path] ?? file.raw })),
		texts: new Map([...original.texts, ...Object.entries(texts)])
	};
}

function prepared(snapshot: ContentSnapshot): ContentVersion {
	const result = prepareContent(snapshot);
	if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
	return result.version;
}

beforeEach(() => {
	original = readContentSnapshot(fixture)!;
});

describe('content versions', () => {
	it('builds a version from a folder, with an ID that changes only with the files', () => {
		const version = prepared(original);
		expect(version.dir).toBe(fixture);
		expect(version.index.courses.map((course) => course.id)).toEqual(['grundlagen', 'zweiter-kurs']);
		expect(version.id).toMatch(/^[0-9a-f]{12}$/);
		expect(prepared(snapshotWith()).id).toBe(version.id);
		expect(prepared(snapshotWith({ [SUMMARY]: '---\ntitle: Neu\n---\n\nNeu.\n' })).id).not.toBe(version.id);
	});

	it('refuses a snapshot with errors and names file and line', () => {
		const result = prepareContent(snapshotWith({ [SUMMARY]: '---\ntitle: X\ndauer: 5\n---\n\n<script>x()</script>\n' }));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual([
			{ file: SUMMARY, line: 3, message: 'Unbekannter Schlüssel „dauer“ im Frontmatter.' },
			{ file: SUMMARY, line: 6, message: '<script> ist in Inhalten nicht erlaubt (führt Code aus).' }
		]);
	});

	it('swaps the live version in one step and hands back the previous one', () => {
		const first = prepared(original);
		const second = prepared(snapshotWith({ [SUMMARY]: '---\ntitle: Neu\n---\n\nNeu.\n' }));
		publishContent(first);
		expect(publishContent(second)).toBe(first);
	});
});

describe('rendered bodies', () => {
	it('renders lessons and assignments, not quizzes', () => {
		const version = prepared(original);
		publishContent(version);
		expect(renderItemBody(version, 'grundlagen/ankommen/willkommen', options)?.html).toContain(
			'<span class="begriff"><dfn><button type="button" popovertarget="begriff-1-erklaerung">Meldebehörde</button></dfn>'
		);
		expect(renderItemBody(version, 'grundlagen/praxis/aufgabe', options)?.headings).toEqual([
			{ id: 'aufgabe', text: 'Aufgabe' }
		]);
		expect(renderItemBody(version, 'grundlagen/ankommen/wissenscheck', options)).toBeUndefined();
	});

	it('renders a body once per source and language, and again only when its sources change', () => {
		const first = prepared(original);
		publishContent(first);
		const welcome = renderItemBody(first, 'grundlagen/ankommen/willkommen', options);
		const summary = renderItemBody(first, 'grundlagen/praxis/rueckblick', options);
		expect(renderItemBody(first, 'grundlagen/ankommen/willkommen', options)).toBe(welcome);
		expect(renderItemBody(first, 'grundlagen/ankommen/willkommen', { ...options, locale: 'en' })).not.toBe(welcome);

		// A new version with one lesson changed: the other keeps its rendered body.
		const second = prepared(snapshotWith({ [SUMMARY]: '---\nid: rueckblick\ntitle: R\n---\n\n## Neu\n' }));
		publishContent(second);
		expect(renderItemBody(second, 'grundlagen/ankommen/willkommen', options)).toBe(welcome);
		const changed = renderItemBody(second, 'grundlagen/praxis/rueckblick', options);
		expect(changed).not.toBe(summary);
		expect(changed?.html).toBe('<h2 id="neu">Neu</h2>');

		// A changed transcript renders the lessons of its module again.
		const third = prepared(snapshotWith({}, { [TRANSCRIPT]: 'Ein neues Transkript.' }));
		publishContent(third);
		const withTranscript = renderItemBody(third, 'grundlagen/ankommen/willkommen', options);
		expect(withTranscript).not.toBe(welcome);
		expect(withTranscript?.html).toContain('<p>Ein neues Transkript.</p>');
	});

	it('drops rendered bodies that the live version no longer uses', () => {
		const first = prepared(original);
		publishContent(first);
		for (const itemId of first.bodies.keys()) renderItemBody(first, itemId, options);
		const size = renderCache.size;
		expect(size).toBe(first.bodies.size);
		const second = prepared(snapshotWith({ [WELCOME]: original.files.find((f) => f.path === WELCOME)!.raw + '\nMehr.\n' }));
		publishContent(second);
		expect(renderCache.size).toBe(size - 1);
	});
});
