import { fileTypeFromBuffer } from 'file-type';
import type { AssignmentFileRules, UploadFileType } from '$lib/content/types';
import { withoutControls } from '../validation/text';

export const MAX_FILE_NAME_LENGTH = 120;
export const MIB = 1024 * 1024;

export type UploadProblem =
	| 'empty'
	| 'too_large'
	| 'name_invalid'
	| 'name_too_long'
	| 'type_not_allowed'
	| 'content_mismatch';

export type UploadCheck =
	| { ok: true; name: string; type: UploadFileType; mime: string }
	| { ok: false; problem: UploadProblem };

/** What file-type reports for each allowed type (M4A audio often carries a generic MP4 brand). */
const detectedAs: Record<UploadFileType, string[]> = {
	pdf: ['pdf'],
	docx: ['docx'],
	odt: ['odt'],
	jpg: ['jpg'],
	png: ['png'],
	mp3: ['mp3'],
	m4a: ['m4a', 'mp4']
};

const extensionAliases: Record<string, UploadFileType> = { jpeg: 'jpg' };

// Slashes, backslashes and control characters have no place in a browser's file name: a name
// with them is an attempt to steer where the file lands (or what a download is called).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const FORBIDDEN = /[/\\\u0000-\u001f\u007f]/;

export function checkFileName(
	rawName: string,
	allowed: readonly UploadFileType[]
): { ok: true; name: string; type: UploadFileType } | { ok: false; problem: UploadProblem } {
	// Bidi controls would let `rechnung\u202Efdp.exe` pose as `rechnungexe.pdf`: stripped. Other
	// control characters (and slashes) make the name invalid.
	const normalised = rawName.normalize('NFC');
	const name = withoutControls(normalised).trim();
	if (name.length > MAX_FILE_NAME_LENGTH) return { ok: false, problem: 'name_too_long' };
	if (!name || FORBIDDEN.test(normalised) || name.startsWith('.') || name.includes('..')) {
		return { ok: false, problem: 'name_invalid' };
	}
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	const type = (extensionAliases[extension] ?? extension) as UploadFileType;
	if (!allowed.includes(type)) return { ok: false, problem: 'type_not_allowed' };
	return { ok: true, name, type };
}

/**
 * Checks an uploaded file against the assignment's rules: a sensible name, an allowed
 * extension, a size within the limit, and content whose magic bytes match that extension.
 */
export async function checkUpload(
	file: { name: string; bytes: Uint8Array },
	rules: AssignmentFileRules
): Promise<UploadCheck> {
	const named = checkFileName(file.name, rules.types);
	if (!named.ok) return named;
	if (file.bytes.byteLength === 0) return { ok: false, problem: 'empty' };
	if (file.bytes.byteLength > rules.maxMB * MIB) return { ok: false, problem: 'too_large' };
	const detected = await fileTypeFromBuffer(file.bytes);
	if (!detected || !detectedAs[named.type].includes(detected.ext)) {
		return { ok: false, problem: 'content_mismatch' };
	}
	return { ok: true, name: named.name, type: named.type, mime: detected.mime };
}
