import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mdsvex } from 'mdsvex';
import { compile, preprocess } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { contentMdsvexOptions, contentPreprocessor } from './mdsvex-preprocess.js';

const contentRoot = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
const moduleDir = resolve(contentRoot, 'courses/01-grundlagen/01-ankommen');
const preprocessors = [
	contentPreprocessor({ contentRoot }),
	mdsvex(contentMdsvexOptions({ contentRoot }))
];

async function render(filename: string, source = readFileSync(filename, 'utf8')) {
	const { code, dependencies } = await preprocess(source, preprocessors, { filename });
	const compiled = compile(code, { filename, generate: 'server' });
	return { code, dependencies, warnings: compiled.warnings.map((warning) => warning.code) };
}

describe('course Markdown through the preprocessor and mdsvex', () => {
	it('compiles a lesson with components, footnotes and asset links', async () => {
		const { code, dependencies, warnings } = await render(resolve(moduleDir, '01-willkommen.md'));
		expect(warnings).toEqual([]);
		expect(code).toContain("import Hinweis from '$lib/components/authoring/Hinweis.svelte';");
		expect(code).toContain("import Begriff from '$lib/components/authoring/Begriff.svelte';");
		expect(code).toContain("import Medien from '$lib/components/authoring/Medien.svelte';");
		expect(code).toMatch(/import (__transkript\d+) from "\.\/texte\/gespraech\.md";[\s\S]*transkript=\{\1\}/);
		expect(code).toContain('<img src="/medien/grundlagen/ankommen/bilder/amt.png" alt="Das Bürgeramt">');
		expect(code).toContain('src="/medien/grundlagen/ankommen/audio/gespraech.mp3"');
		expect(code).toContain('Ein &#123;Platzhalter&#125; bleibt Text.');
		expect(code).toContain('<a href="#fn-amt" id="fnref-amt">1</a>');
		expect(code).toContain('<p>Zum Beispiel das Bürgeramt.</p>');
		expect(code).not.toContain('[^amt]');
		expect(code).not.toMatch(/minutes|metadata/);
		expect(dependencies).toContain(resolve(contentRoot, 'courses/01-grundlagen/course.md'));
	});

	it('uses the module id override in asset URLs', async () => {
		const filename = resolve(contentRoot, 'courses/01-grundlagen/02-vertiefung/01-aufgabe.md');
		const { code } = await render(filename, '---\ntitle: A\n---\n\n[PDF](vorlage.pdf)\n');
		expect(code).toContain('href="/medien/grundlagen/praxis/vorlage.pdf"');
	});

	it('empties quiz files, so no answer reaches a compiled component', async () => {
		const { code } = await render(resolve(moduleDir, '02-wissenscheck.md'));
		expect(code.trim()).toBe('');
	});

	it('points links in a transcript subfolder at the right path', async () => {
		const filename = resolve(moduleDir, 'texte/gespraech.md');
		const { code } = await render(filename, 'Siehe ![Bild](../bilder/amt.png).\n');
		expect(code).toContain('src="/medien/grundlagen/ankommen/bilder/amt.png"');
	});

	it('leaves Markdown outside the content folder to mdsvex alone', async () => {
		const [content] = preprocessors;
		const result = await content!.markup!({ content: '{#id}', filename: '/elsewhere/readme.md' });
		expect(result).toBeUndefined();
	});
});
