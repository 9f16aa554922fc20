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
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	odt: 'application/vnd.oasis.opendocument.text',
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

/**
 * The byte range asked for by a `Range` header, clamped to the file: null to send the whole file
 * (no header, or a form we do not serve such as several ranges), 'invalid' when unsatisfiable.
 * Safari plays audio and video only from servers that answer ranges.
 */
export function parseRange(
	header: string | null,
	size: number
): { start: number; end: number } | 'invalid' | null {
	const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match) return null;
	const [, from = '', to = ''] = match;
	if (from === '' && to === '') return 'invalid';
	let start: number;
	let end: number;
	if (from === '') {
		start = Math.max(0, size - Number(to));
		end = size - 1;
	} else {
		start = Number(from);
		end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
	}
	if (start > end || start >= size) return 'invalid';
	return { start, end };
}

/**
 * Streams the file at an absolute path (already resolved and checked by the content index),
 * honouring a single byte range.
 */
export function assetResponse(file: string, contentType: string, rangeHeader: string | null = null): Response {
	const { size } = statSync(file);
	const headers: Record<string, string> = {
		...assetHeaders(contentType, size),
		'Accept-Ranges': 'bytes'
	};
	const range = parseRange(rangeHeader, size);
	if (range === 'invalid') {
		return new Response(null, {
			status: 416,
			headers: { 'Content-Range': `bytes */${size}`, 'Cache-Control': headers['Cache-Control']! }
		});
	}
	const { start, end } = range ?? { start: 0, end: size - 1 };
	const stream = size === 0 ? Readable.from([]) : createReadStream(file, { start, end });
	const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
	if (!range) return new Response(body, { headers });
	return new Response(body, {
		status: 206,
		headers: {
			...headers,
			'Content-Length': String(end - start + 1),
			'Content-Range': `bytes ${start}-${end}/${size}`
		}
	});
}
