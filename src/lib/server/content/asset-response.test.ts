import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetContentType, assetHeaders, assetResponse, parseRange } from './asset-response';

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

	it('answers a byte range with 206 and an unsatisfiable one with 416', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'asset-')), 'zahlen.txt');
		writeFileSync(file, '0123456789');
		const part = assetResponse(file, 'text/plain; charset=utf-8', 'bytes=2-4');
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe('bytes 2-4/10');
		expect(part.headers.get('content-length')).toBe('3');
		expect(await part.text()).toBe('234');
		const invalid = assetResponse(file, 'text/plain; charset=utf-8', 'bytes=20-');
		expect(invalid.status).toBe(416);
		expect(invalid.headers.get('content-range')).toBe('bytes */10');
	});
});

describe('byte ranges', () => {
	it('reads open, closed and suffix ranges, clamped to the file', () => {
		expect(parseRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 });
		expect(parseRange('bytes=3-5', 10)).toEqual({ start: 3, end: 5 });
		expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
		expect(parseRange('bytes=-4', 10)).toEqual({ start: 6, end: 9 });
		expect(parseRange('bytes=-40', 10)).toEqual({ start: 0, end: 9 });
	});

	it('sends the whole file for no or unsupported ranges, refuses impossible ones', () => {
		expect(parseRange(null, 10)).toBeNull();
		expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
		expect(parseRange('items=0-1', 10)).toBeNull();
		expect(parseRange('bytes=10-', 10)).toBe('invalid');
		expect(parseRange('bytes=5-2', 10)).toBe('invalid');
		expect(parseRange('bytes=-', 10)).toBe('invalid');
		expect(parseRange('bytes=0-', 0)).toBe('invalid');
	});
});
