import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { uploadDir } from '../config/paths';
import { generateToken } from '../crypto/tokens';
import { withoutControlsInForm } from '../validation/text';
import { MIB } from './upload-checks';

/** Room for the text answer and the multipart framing on top of the file itself. */
const FORM_OVERHEAD = 256 * 1024;

export const MAX_TEXT_LENGTH = 20_000;

/** Largest request body a submission form may send for an assignment. */
export function requestLimit(maxMB: number | undefined): number {
	return Math.ceil((maxMB ?? 0) * MIB) + FORM_OVERHEAD;
}

export type LimitedForm =
	| { ok: true; form: FormData }
	| {
			ok: false;
			problem: 'too_large' | 'server_limit' | 'invalid';
			/** The text fields sent before the limit was reached, so the form can show them again. */
			fields: Record<string, string>;
	  };

/**
 * Reads a (multipart) form while counting bytes; at most `limit` bytes are ever held in memory.
 * A body over the limit (declared or counted) is still read to its end: a browser that is
 * answered before it has finished sending reports a broken connection instead of showing our
 * message. What was typed comes before the files in a form, so the complete parts within the
 * limit come back as `fields`. adapter-node's BODY_SIZE_LIMIT caps what is read at all.
 */
export async function readFormWithLimit(request: Request, limit: number): Promise<LimitedForm> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!request.body) return { ok: false, problem: 'invalid', fields: {} };
	const kept: Uint8Array[] = [];
	let received = 0;
	let cut: 'too_large' | 'server_limit' | null = null;
	const reader = request.body.getReader();
	try {
		for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
			const room = limit - received;
			received += chunk.value.byteLength;
			if (room > 0)
				kept.push(room >= chunk.value.byteLength ? chunk.value : chunk.value.subarray(0, room));
			if (received > limit) cut = 'too_large';
		}
	} catch (error) {
		// SvelteKit's own BODY_SIZE_LIMIT (adapter-node) stops the body before our limit does.
		if ((error as { status?: number }).status !== 413)
			return { ok: false, problem: 'invalid', fields: {} };
		// Over our limit as well (as declared or as counted): that is the limit to name.
		const declared = Number(request.headers.get('content-length'));
		cut = received > limit || declared > limit ? 'too_large' : 'server_limit';
	}
	const body = Buffer.concat(kept);
	if (cut) return { ok: false, problem: cut, fields: await textBefore(body, contentType) };
	try {
		const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
		return { ok: true, form: withoutControlsInForm(form) };
	} catch {
		return { ok: false, problem: 'invalid', fields: {} };
	}
}

/** The text fields among the complete parts at the start of a multipart body that was cut off. */
async function textBefore(start: Buffer, contentType: string): Promise<Record<string, string>> {
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	const delimiter = boundary && `\r\n--${boundary[1] ?? boundary[2]}`;
	const end = delimiter ? start.lastIndexOf(delimiter) : -1;
	if (!delimiter || end < 0) return {};
	const complete = Buffer.concat([start.subarray(0, end), Buffer.from(`${delimiter}--\r\n`)]);
	try {
		const form = await new Response(complete, {
			headers: { 'content-type': contentType }
		}).formData();
		const fields: Record<string, string> = {};
		for (const [name, value] of withoutControlsInForm(form).entries()) {
			if (typeof value === 'string' && !(name in fields)) fields[name] = value;
		}
		return fields;
	} catch {
		return {};
	}
}

const storedPath = (storedName: string) => join(uploadDir(), storedName);
const STORED_NAME = /^[a-z2-7]{32}$/;

/**
 * For the operator, once per failed write: which folder and why (EACCES, ENOSPC, …), without a
 * stack. The learner is told that nothing was saved.
 */
export function reportStorageFailure(error: unknown): void {
	const { code, message } = error as { code?: string; message?: string };
	console.error(
		`Upload konnte nicht gespeichert werden in ${uploadDir()} (UPLOAD_DIR): ${code ?? message ?? error}`
	);
}

/** Stores bytes under a random name outside the web root; the original name lives in the DB. */
export async function storeUpload(bytes: Uint8Array): Promise<string> {
	await mkdir(uploadDir(), { recursive: true, mode: 0o700 });
	const storedName = generateToken();
	await writeFile(storedPath(storedName), bytes, { flag: 'wx', mode: 0o600 });
	return storedName;
}

/** A copy under a new name, so a draft can start from the files of the last version. */
export async function copyStoredUpload(storedName: string): Promise<string> {
	const copy = generateToken();
	await copyFile(storedPath(storedName), storedPath(copy));
	return copy;
}

export async function deleteStoredUpload(storedName: string): Promise<void> {
	if (STORED_NAME.test(storedName)) await rm(storedPath(storedName), { force: true });
}

export async function openStoredUpload(
	storedName: string
): Promise<{ stream: ReadableStream; size: number } | null> {
	if (!STORED_NAME.test(storedName)) return null;
	try {
		const { size } = await stat(storedPath(storedName));
		const stream = Readable.toWeb(createReadStream(storedPath(storedName))) as ReadableStream;
		return { stream, size };
	} catch {
		return null;
	}
}

/**
 * `attachment` with an ASCII fallback and the real name per RFC 5987/6266, so no name can
 * break out of the header or be shown inline.
 */
export function contentDisposition(name: string): string {
	const fallback = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
