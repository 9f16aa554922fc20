import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, deleteStoredUpload, readFormWithLimit, storeUpload } from './uploads';

function multipart(fileBytes: number, headers: Record<string, string> = {}) {
	const form = new FormData();
	form.set('text', 'Hallo');
	form.set('datei', new File([new Uint8Array(fileBytes)], 'a.pdf'));
	return new Request('http://localhost/x', { method: 'POST', body: form, headers });
}

/** The same body as a stream without Content-Length, as a chunked upload sends it. */
async function chunked(fileBytes: number) {
	const buffered = multipart(fileBytes);
	const body = await buffered.arrayBuffer();
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			for (let offset = 0; offset < body.byteLength; offset += 16 * 1024) {
				controller.enqueue(new Uint8Array(body.slice(offset, offset + 16 * 1024)));
			}
			controller.close();
		}
	});
	return new Request('http://localhost/x', {
		method: 'POST',
		body: stream,
		headers: { 'content-type': buffered.headers.get('content-type')! },
		// @ts-expect-error Node's fetch needs `duplex` for a streamed body.
		duplex: 'half'
	});
}

describe('reading a form with a size limit', () => {
	it('reads a form within the limit', async () => {
		const result = await readFormWithLimit(multipart(1000), 10_000);
		expect(result.ok && (result.form.get('datei') as File).size).toBe(1000);
	});

	it('refuses a declared length over the limit, reads the body to its end, keeps the text', async () => {
		// Read to the end (so the browser gets the answer); the file is never kept.
		const request = multipart(50_000, { 'content-length': '999999999' });
		expect(await readFormWithLimit(request, 10_000)).toEqual({
			ok: false,
			problem: 'too_large',
			fields: { text: 'Hallo' }
		});
		expect(request.bodyUsed).toBe(true);
	});

	it('stops a chunked body without length once it passes the limit, with the text typed first', async () => {
		expect(await readFormWithLimit(await chunked(200_000), 50_000)).toEqual({
			ok: false,
			problem: 'too_large',
			fields: { text: 'Hallo' }
		});
		expect((await readFormWithLimit(await chunked(20_000), 50_000)).ok).toBe(true);
	});

	it('gives back no text when the limit cuts the first field itself', async () => {
		const form = new FormData();
		form.set('text', 'x'.repeat(20_000));
		form.set('datei', new File([new Uint8Array(10)], 'a.pdf'));
		const request = new Request('http://localhost/x', { method: 'POST', body: form });
		expect(await readFormWithLimit(request, 5_000)).toEqual({
			ok: false,
			problem: 'too_large',
			fields: {}
		});
	});
});

describe('stored uploads', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'uploads-'));
		process.env.UPLOAD_DIR = dir;
	});

	it('stores files under random names and deletes them', async () => {
		const name = await storeUpload(new TextEncoder().encode('x'));
		expect(name).toMatch(/^[a-z2-7]{32}$/);
		expect(readFileSync(join(dir, name), 'utf8')).toBe('x');
		await deleteStoredUpload(name);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('never deletes outside the upload folder', async () => {
		await expect(deleteStoredUpload('../../etc/passwd')).resolves.toBeUndefined();
	});
});

describe('download file names', () => {
	it('sends an ASCII fallback and the UTF-8 name, never raw quotes or line breaks', () => {
		expect(contentDisposition('Rollenbeschreibung Ümit.pdf')).toBe(
			`attachment; filename="Rollenbeschreibung Umit.pdf"; filename*=UTF-8''Rollenbeschreibung%20%C3%9Cmit.pdf`
		);
		const evil = contentDisposition('a".pdf\r\nSet-Cookie: x=1');
		expect(evil).not.toMatch(/[\r\n]/);
		expect(evil).toContain('filename="a_.pdf__Set-Cookie: x=1"');
	});
});
