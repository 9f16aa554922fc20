import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assetUrl, isRelativeUrl, resolveModulePath, rewriteRelativeUrl } from '../../content/asset-url.js';
import { normaliseAssetPath, resolveAssetFile } from './assets';

const root = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
const module = { courseDir: '01-grundlagen', moduleDir: '01-ankommen' };

describe('asset URLs', () => {
	it('treats only paths without scheme, slash or fragment as relative', () => {
		expect(['bilder/a.png', './a.pdf', 'a b.mp3'].every(isRelativeUrl)).toBe(true);
		expect(['/kurse', '#x', 'https://x.de', 'mailto:a@b.de', '//x.de', ''].some(isRelativeUrl)).toBe(false);
	});

	it('resolves paths inside the module folder and refuses to leave it', () => {
		expect(resolveModulePath('', './bilder/../bilder/a%20b.png?x=1#y')).toBe('bilder/a b.png');
		expect(resolveModulePath('texte', '../bilder/a.png')).toBe('bilder/a.png');
		expect(resolveModulePath('', '../anderes/a.png')).toBeNull();
		expect(resolveModulePath('', 'a%ZZ.png')).toBeNull();
	});

	it('rewrites relative links to /medien/<course>/<module>/<path>, keeping query and fragment', () => {
		const base = { courseId: 'kurs', moduleSlug: 'modul', fromDir: '' };
		expect(rewriteRelativeUrl('bilder/amt.png', base)).toBe('/medien/kurs/modul/bilder/amt.png');
		expect(rewriteRelativeUrl('datei%20eins.pdf#seite=2', base)).toBe(
			'/medien/kurs/modul/datei%20eins.pdf#seite=2'
		);
		expect(rewriteRelativeUrl('https://example.org/a.png', base)).toBe('https://example.org/a.png');
		expect(assetUrl('kurs', 'modul', 'ä/ö.png')).toBe('/medien/kurs/modul/%C3%A4/%C3%B6.png');
	});
});

describe('asset files', () => {
	it('finds a file beside the Markdown, also a transcript in a subfolder', () => {
		expect(resolveAssetFile(root, module, 'bilder/amt.png')).toBe(
			join(root, 'courses/01-grundlagen/01-ankommen/bilder/amt.png')
		);
		expect(resolveAssetFile(root, module, 'texte/gespraech.md')).not.toBeNull();
	});

	it('refuses pages, traversal, hidden and missing files', () => {
		expect(resolveAssetFile(root, module, '02-wissenscheck.md')).toBeNull();
		expect(resolveAssetFile(root, module, 'module.md')).toBeNull();
		expect(resolveAssetFile(root, module, '../02-vertiefung/01-aufgabe.md')).toBeNull();
		expect(resolveAssetFile(root, module, 'bilder/../../course.md')).toBeNull();
		expect(resolveAssetFile(root, module, 'bilder')).toBeNull();
		expect(resolveAssetFile(root, module, 'bilder/fehlt.png')).toBeNull();
		expect(normaliseAssetPath('.git/config')).toBeNull();
		expect(normaliseAssetPath('a\\..\\b')).toBeNull();
		expect(normaliseAssetPath('/etc/passwd')).toBeNull();
	});

	describe('with a symlink out of the module folder', () => {
		const temp = mkdtempSync(join(tmpdir(), 'inhalt-'));
		afterAll(() => rmSync(temp, { recursive: true, force: true }));

		it('refuses to follow it', () => {
			const moduleDir = join(temp, 'courses/k/m');
			mkdirSync(moduleDir, { recursive: true });
			writeFileSync(join(temp, 'geheim.txt'), 'geheim');
			symlinkSync(join(temp, 'geheim.txt'), join(moduleDir, 'link.txt'));
			writeFileSync(join(moduleDir, 'echt.txt'), 'ok');
			const location = { courseDir: 'k', moduleDir: 'm' };
			expect(resolveAssetFile(temp, location, 'link.txt')).toBeNull();
			expect(resolveAssetFile(temp, location, 'echt.txt')).not.toBeNull();
		});
	});
});
