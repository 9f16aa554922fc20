import { m } from '$lib/paraglide/messages.js';
import type { AssignmentMeta } from '$lib/content/types';
import type { FieldErrors } from '../validation/form';
import { checkUpload, type UploadProblem } from './upload-checks';
import {
	MAX_FILES,
	countDraftFiles,
	findSubmission,
	saveDraft,
	type Submission
} from './submissions';
import {
	MAX_TEXT_LENGTH,
	deleteStoredUpload,
	readFormWithLimit,
	reportStorageFailure,
	requestLimit,
	storeUpload
} from './uploads';

export type DraftForm =
	| { ok: true; form: FormData; text: string | null; file: File | null }
	| { ok: false; status: number; errors: FieldErrors; values: Record<string, string> };

export const typeList = (item: AssignmentMeta) =>
	(item.files?.types ?? []).map((type) => type.toUpperCase()).join(', ');

/** The German message for a refused file; `types` lists the allowed ones, e.g. `PDF, DOCX`. */
export function uploadProblemMessage(
	problem: UploadProblem,
	name: string,
	limits: { types: string; maxMB: number }
): string {
	const { types, maxMB } = limits;
	switch (problem) {
		case 'empty':
			return m.assignments_error_empty_file({ name });
		case 'too_large':
			return m.assignments_error_too_large({ max: maxMB });
		case 'name_invalid':
			return m.assignments_error_name_invalid();
		case 'name_too_long':
			return m.assignments_error_name_too_long();
		case 'type_not_allowed':
			return m.assignments_error_type_not_allowed({ types });
		case 'content_mismatch':
			return m.assignments_error_content_mismatch({ name: name.slice(0, 120), types });
	}
}

const uploadMessage = (problem: UploadProblem, item: AssignmentMeta, name: string) =>
	uploadProblemMessage(problem, name, { types: typeList(item), maxMB: item.files?.maxMB ?? 0 });

/** Reads the learner's form within the size limit of the assignment; no side effects. */
export async function readDraftForm(request: Request, item: AssignmentMeta): Promise<DraftForm> {
	const read = await readFormWithLimit(request, requestLimit(item.files?.maxMB));
	if (!read.ok) {
		const message =
			read.problem === 'too_large'
				? m.assignments_error_too_large({ max: item.files?.maxMB ?? 0 })
				: read.problem === 'server_limit'
					? m.assignments_error_server_limit()
					: m.assignments_error_invalid_form();
		const text = read.fields.text?.replace(/\r\n/g, '\n');
		return {
			ok: false,
			status: read.problem === 'invalid' ? 400 : 413,
			errors: { datei: message },
			values: text === undefined ? {} : { text }
		};
	}
	const { form } = read;
	const rawText = form.get('text');
	const text = typeof rawText === 'string' ? rawText.replace(/\r\n/g, '\n') : null;
	const values: Record<string, string> = text === null ? {} : { text };
	if (text !== null && text.length > MAX_TEXT_LENGTH) {
		return {
			ok: false,
			status: 400,
			errors: { text: m.assignments_error_text_too_long({ max: MAX_TEXT_LENGTH }) },
			values
		};
	}
	const rawFile = form.get('datei');
	// An empty file input still sends a part: no name and no bytes means "no file chosen".
	const file =
		rawFile instanceof File && (rawFile.name !== '' || rawFile.size > 0) ? rawFile : null;
	return { ok: true, form, text, file };
}

export type ApplyResult =
	| { ok: true; submission: Submission | null }
	| { ok: false; status: number; errors: FieldErrors; values: Record<string, string> };

/**
 * Saves the text and stores the uploaded file of a draft, as a whole or not at all. The file is
 * checked and written to disk first; then one transaction saves the text and records the file
 * within the file limit. A refused upload, an unwritable upload folder or a full draft change
 * nothing (the text stays in the form).
 */
export async function applyDraft(
	userId: string,
	item: AssignmentMeta,
	cohortId: string | null,
	input: Extract<DraftForm, { ok: true }>,
	/** Something else is saved with it (a linked Hospitation): start a draft even without text. */
	withContent = false
): Promise<ApplyResult> {
	const values: Record<string, string> = input.text === null ? {} : { text: input.text };
	const fail = (status: number, field: string, message: string): ApplyResult => ({
		ok: false,
		status,
		errors: { [field]: message },
		values
	});
	const refusals = {
		locked: () => fail(409, 'form', m.assignments_error_locked()),
		too_many_files: () => fail(400, 'datei', m.assignments_error_too_many_files({ max: MAX_FILES }))
	};
	let checked: { name: string; mime: string; bytes: Uint8Array } | null = null;
	if (input.file) {
		if (!item.files) return fail(400, 'datei', m.assignments_error_no_files());
		const bytes = new Uint8Array(await input.file.arrayBuffer());
		const result = await checkUpload({ name: input.file.name, bytes }, item.files);
		if (!result.ok) return fail(400, 'datei', uploadMessage(result.problem, item, input.file.name));
		checked = { name: result.name, mime: result.mime, bytes };
	}
	if (input.text === null && !checked) return { ok: true, submission: null };
	const text = item.submission.includes('text') && input.text !== null ? input.text : undefined;
	// An empty form (e.g. "Einreichen" tapped before writing) starts no draft.
	if (!checked && !withContent && !text?.trim() && !findSubmission(userId, item.id)) {
		return { ok: true, submission: null };
	}
	if (!checked) {
		const saved = saveDraft(userId, item, cohortId, text);
		return saved.ok ? { ok: true, submission: saved.submission } : refusals[saved.reason]();
	}
	// A draft that is already full or locked costs no disk write (the transaction decides anyway).
	const current = findSubmission(userId, item.id);
	if (current && countDraftFiles(current.id) >= MAX_FILES) return refusals.too_many_files();
	let storedName: string;
	try {
		storedName = await storeUpload(checked.bytes);
	} catch (error) {
		reportStorageFailure(error);
		return fail(503, 'datei', m.security_error_upload_storage());
	}
	const saved = saveDraft(userId, item, cohortId, text, {
		storedName,
		originalName: checked.name,
		mimeType: checked.mime,
		size: checked.bytes.byteLength
	});
	if (!saved.ok) {
		await deleteStoredUpload(storedName);
		return refusals[saved.reason]();
	}
	return { ok: true, submission: saved.submission };
}
