import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetContentType, assetHeaders, assetResponse } from './asset-response';

describe('asset content types', () => {
	it('maps the allowed extensions, case-insensitively', () => {
		expect(assetContentType('bilder/amt.png')).toBe('image/png');
		expect(assetContentType('bilder/Foto.JPG')).toBe('image/jpeg');
		expect(assetContentType('a.svg')).toBe('image/svg+xml');
		expect(assetContentType('audio/gespraech.m4a')).toBe('audio/mp4');
		expect(assetContentType('untertitel.vtt')).toBe('text/vtt; charset=utf-8');
		expect(assetContentType('info.pdf')).toBe('application/pdf');
	});

	it('refuses every other extension and files without one', () => {
		for (const path of ['seite.html', 'skript.js', 'texte/gespraech.md', 'README', 'a.exe']) {
			expect(assetContentType(path)).toBeNull();
		}
	});
});

describe('asset headers', () => {
	it('lets the browser cache privately for an hour and forbids sniffing', () => {
		expect(assetHeaders('image/png', 12)).toEqual({
			'Content-Type': 'image/png',
			'Content-Length': '12',
			'Cache-Control': 'private, max-age=3600',
			'X-Content-Type-Options': 'nosniff'
		});
	});

	it('sandboxes SVG so it cannot run script when opened directly', () => {
		expect(assetHeaders('image/svg+xml', 5)['Content-Security-Policy']).toBe('sandbox');
		expect(assetHeaders('application/pdf', 5)['Content-Security-Policy']).toBeUndefined();
	});

	it('streams the file with its size', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'asset-')), 'hallo.txt');
		writeFileSync(file, 'Hallo Welt');
		const response = assetResponse(file, 'text/plain; charset=utf-8');
		expect(response.headers.get('content-length')).toBe('10');
		expect(await response.text()).toBe('Hallo Welt');
	});
});
