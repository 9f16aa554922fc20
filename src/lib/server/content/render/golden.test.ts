import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseHtml } from '../../../../../tests/fixtures/golden/normalise';
import { renderBody } from '.';
import { GERMAN_LABELS } from '$test/unit/render-labels';

// Pages rendered by the run-time pipeline must match what the build-time pipeline (mdsvex and
// Svelte SSR) produced for the same Markdown; the .html files were captured from it. One change
// since: a Begriff's term is a button that opens its explanation as a popover (no JavaScript).

const root = resolve(import.meta.dirname, '../../../../..');
const golden = (name: string) => join(root, 'tests/fixtures/golden', name);
const guideModule = join(root, 'tests/fixtures/guide-course/courses/99-leitfaden-probe/01-erste-schritte');
const PAGE_IDS = ['inhalt', 'inhaltsverzeichnis', 'lektion-status', 'blaettern'];

const cases = [
	{ name: 'lektion-tabellen-begriffe', source: golden('lektion-tabellen-begriffe.md'), base: ['probe-digital', 'behoerdensprache-verstehen'] },
	{ name: 'lektion-hinweise', source: golden('lektion-hinweise.md'), base: ['probe-verwaltung', 'verwaltungsverfahren'] },
	{ name: 'praxisaufgabe', source: golden('praxisaufgabe.md'), base: ['probe-ikbo', 'rolle-und-auftrag'] },
	{ name: 'leitfaden-willkommen', source: join(guideModule, '01-willkommen.md'), base: ['leitfaden-probe', 'erste-schritte'] },
	{ name: 'leitfaden-video-und-audio', source: join(guideModule, '02-video-und-audio.md'), base: ['leitfaden-probe', 'erste-schritte'] }
];

describe('golden pages', () => {
	for (const { name, source, base } of cases) {
		it(`renders ${name} as the build-time pipeline did`, () => {
			const rendered = renderBody(readFileSync(source, 'utf8'), {
				assetBase: { courseId: base[0]!, moduleSlug: base[1]! },
				readText: (path) => readFileSync(join(guideModule, path), 'utf8'),
				labels: GERMAN_LABELS,
				reservedIds: PAGE_IDS
			});
			expect(normaliseHtml(rendered.html)).toBe(readFileSync(golden(`${name}.html`), 'utf8'));
			expect(rendered.headings).toEqual(JSON.parse(readFileSync(golden(`${name}.toc.json`), 'utf8')));
		});
	}
});
