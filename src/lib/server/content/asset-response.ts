import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';

// Files beside lessons are served only with types from this fixed list: an unknown extension
// is a 404, so a stray file (an HTML page, a script) can never be delivered as active content.
const CONTENT_TYPES: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	svg: 'image/svg+xml',
	webp: 'image/webp',
	gif: 'image/gif',
	pdf: 'application/pdf',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	mp4: 'video/mp4',
	webm: 'video/webm',
	vtt: 'text/vtt; charset=utf-8',
	txt: 'text/plain; charset=utf-8'
};

/** The Content-Type for a served file, or null when its extension is not allowed. */
export function assetContentType(path: string): string | null {
	const extension = extname(path).slice(1).toLowerCase();
	return CONTENT_TYPES[extension] ?? null;
}

/** Headers for a served file of the given type and size. */
export function assetHeaders(contentType: string, size: number): Record<string, string> {
	const headers: Record<string, string> = {
		'Content-Type': contentType,
		'Content-Length': String(size),
		'Cache-Control': 'private, max-age=3600',
		'X-Content-Type-Options': 'nosniff'
	};
	// An SVG opened directly is a document that could run script; sandbox it.
	if (contentType.startsWith('image/svg+xml')) headers['Content-Security-Policy'] = 'sandbox';
	return headers;
}

/** Streams the file at an absolute path (already resolved and checked by the content index). */
export function assetResponse(file: string, contentType: string): Response {
	const { size } = statSync(file);
	const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
	return new Response(body, { headers: assetHeaders(contentType, size) });
}
