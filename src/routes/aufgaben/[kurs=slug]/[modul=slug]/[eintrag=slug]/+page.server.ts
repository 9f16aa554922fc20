import { error, redirect } from '@sveltejs/kit';
import type { AssignmentMeta } from '$lib/content/types';
import { m } from '$lib/paraglide/messages.js';
import { assignmentUrl, itemIdOf, itemUrl, moduleUrl } from '$lib/urls';
import { requireUser } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';
import { assignmentAccess } from '$lib/server/assignments/access';
import { applyDraft, readDraftForm, typeList } from '$lib/server/assignments/draft-form';
import { listHistory } from '$lib/server/assignments/history';
import { createDueReminders, dueDateFor } from '$lib/server/assignments/reminders';
import {
	findSubmission,
	listDraftFiles,
	removeDraftFile,
	linkHospitation,
	submitDraft
} from '$lib/server/assignments/submissions';
import { acceptedHospitationsOf } from '$lib/server/hospitation';
import { isEditable, missingContent } from '$lib/server/assignments/state';
import { deleteStoredUpload, MAX_TEXT_LENGTH } from '$lib/server/assignments/uploads';
import { getAssignment, getCourse, getModule, renderLesson } from '$lib/server/content';
import { downloadRows } from '$lib/server/content/downloads-view';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { isConfirmed } from '$lib/server/http/confirm';
import { itemThreadsUrl, shareStateOf } from '$lib/server/discussions';

function findItem(params: RequestEvent['params']): AssignmentMeta {
	const item = getAssignment(itemIdOf(params));
	if (!item) error(404, 'Not Found');
	return item;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const item = findItem(event.params);
	const access = assignmentAccess(user, item);
	// Not enrolled: the module page says so and how to enrol, as for its lessons and quizzes.
	if (access.kind === 'none') redirect(303, moduleUrl(item.moduleId));
	const module = getModule(item.moduleId);
	const cohortId = access.kind === 'staff' ? null : access.cohortId;
	const base = {
		item: {
			id: item.id,
			title: item.title,
			submission: item.submission,
			required: item.required,
			fileTypes: item.files ? typeList(item) : null,
			accept: item.files?.types.map((type) => `.${type}`).join(',') ?? '',
			maxMB: item.files?.maxMB ?? 0,
			rubric: item.rubric,
			stand: item.review.stand
		},
		review: access.kind === 'staff' ? item.review : null,
		downloads: module ? downloadRows(item.courseId, module.slug, item.downloads) : [],
		course: { id: item.courseId, title: getCourse(item.courseId)?.title ?? '' },
		module: { id: item.moduleId, title: module?.title ?? '' },
		maxTextLength: MAX_TEXT_LENGTH,
		discussionUrl: cohortId ? itemThreadsUrl(cohortId, item.id) : null
	};
	if (access.kind === 'locked') {
		const { access: locked } = access;
		// The instructions belong to the module: while it is locked, they stay on the server.
		return {
			...base,
			instructions: null,
			view: 'locked' as const,
			locked: {
				previous: locked.reason === 'previous_incomplete' ? locked.previous.title : '',
				missing:
					locked.reason === 'previous_incomplete'
						? locked.missing.map((missing) => ({ title: missing.title, url: itemUrl(missing) }))
						: []
			}
		};
	}
	const instructions = renderLesson(item.id)?.html ?? '';
	if (access.kind === 'staff') return { ...base, instructions, view: 'staff' as const };
	createDueReminders(new Date(), user.id);
	const submission = findSubmission(user.id, item.id);
	return {
		...base,
		instructions,
		view: 'learner' as const,
		dueOn: dueDateFor(item, access.cohortId),
		status: submission?.status ?? null,
		draftText: submission?.draftText ?? '',
		files: submission ? listDraftFiles(submission.id) : [],
		hospitations: acceptedHospitationsOf(user.id),
		hospitationId: submission?.hospitationId ?? '',
		history: submission ? listHistory(submission.id, item.rubric) : [],
		share: shareStateOf(user, item.id, `${assignmentUrl(item.id)}/teilen`)
	};
};

/** Actions are for enrolled learners with the module open; others get what load gives them. */
function learnerContext(event: RequestEvent): {
	user: SessionUser;
	item: AssignmentMeta;
	cohortId: string | null;
} {
	const user = requireUser(event);
	const item = findItem(event.params);
	const access = assignmentAccess(user, item);
	if (access.kind !== 'learner') error(access.kind === 'none' ? 404 : 403, 'Forbidden');
	return { user, item, cohortId: access.cohortId };
}

async function saveFromForm(event: RequestEvent) {
	const { user, item, cohortId } = learnerContext(event);
	const input = await readDraftForm(event.request, item);
	if (!input.ok) return { failure: formFailure(input.status, input.errors, input.values) };
	const hospitation = hospitationChoice(user.id, input.form.get('hospitationId'));
	if (hospitation === 'invalid') {
		return {
			failure: formFailure(
				400,
				{ hospitationId: m.hospitation_error_submission() },
				{ text: input.text ?? '' }
			)
		};
	}
	const applied = await applyDraft(user.id, item, cohortId, input, !!hospitation);
	if (!applied.ok) return { failure: formFailure(applied.status, applied.errors, applied.values) };
	let draft = applied.submission;
	if (hospitation !== undefined) {
		linkHospitation(user.id, item.id, hospitation);
		// A changed link alone is saved too (file-only tasks send no text).
		draft ??= findSubmission(user.id, item.id) ?? null;
	}
	return { user, item, cohortId, form: input.form, text: input.text, draft };
}

export const actions: Actions = {
	save: async (event) => {
		const saved = await saveFromForm(event);
		if ('failure' in saved) return saved.failure;
		if (!saved.draft) return formFailure(400, { form: m.assignments_error_nothing_to_save() });
		return { saved: true };
	},
	removeFile: async (event) => {
		const saved = await saveFromForm(event);
		if ('failure' in saved) return saved.failure;
		const submission = findSubmission(saved.user.id, saved.item.id);
		const fileId = saved.form.get('fileId');
		const file =
			submission && isEditable(submission.status)
				? listDraftFiles(submission.id).find((draftFile) => draftFile.id === fileId)
				: undefined;
		const fileGone = () =>
			formFailure(404, { form: m.assignments_error_file_not_found() }, { text: saved.text ?? '' });
		if (!submission || !file) return fileGone();
		// The first tap saved the draft (text and any chosen upload); the removal waits for a yes.
		if (!isConfirmed(saved.form)) {
			return { confirmRemove: { fileId: file.id, name: file.originalName } };
		}
		const storedName = removeDraftFile(submission, file.id);
		if (!storedName) return fileGone();
		await deleteStoredUpload(storedName);
		return { removed: true };
	},
	submit: async (event) => {
		const saved = await saveFromForm(event);
		if ('failure' in saved) return saved.failure;
		const values: Record<string, string> = saved.text === null ? {} : { text: saved.text };
		if (!isConfirmed(saved.form)) {
			const check = submitCheck(saved.user.id, saved.item);
			if (check) return formFailure(400, { [check.field]: check.message }, values);
			return { confirmSubmit: true };
		}
		const result = submitDraft(saved.user.id, saved.item, saved.cohortId);
		if (!result.ok) {
			if (result.reason === 'locked')
				return formFailure(409, { form: m.assignments_error_locked() });
			const check = missingMessage(result.missing);
			return formFailure(400, { [check.field]: check.message }, values);
		}
		return { submitted: true };
	}
};

function missingMessage(missing: 'text' | 'file' | 'text_or_file') {
	if (missing === 'text') return { field: 'text', message: m.assignments_error_missing_text() };
	if (missing === 'file') return { field: 'datei', message: m.assignments_error_missing_file() };
	return { field: 'text', message: m.assignments_error_missing_text_or_file() };
}

/** Checked before asking for confirmation, so no one confirms an empty submission. */
function submitCheck(userId: string, item: AssignmentMeta) {
	const submission = findSubmission(userId, item.id);
	if (submission && !isEditable(submission.status)) {
		return { field: 'form', message: m.assignments_error_locked() };
	}
	const hasText = item.submission.includes('text') && !!submission?.draftText.trim();
	const files = submission ? listDraftFiles(submission.id).length : 0;
	const missing = missingContent(item.submission, hasText, files);
	return missing ? missingMessage(missing) : null;
}

/**
 * The optional "Bezug zu einer Hospitation" select: absent (no accepted Hospitation) leaves the
 * link alone, '' removes it, anything else must be one of the learner's accepted Hospitationen.
 */
function hospitationChoice(
	userId: string,
	value: FormDataEntryValue | null
): string | null | undefined | 'invalid' {
	if (value === null) return undefined;
	if (value === '') return null;
	return acceptedHospitationsOf(userId).some((row) => row.id === value) ? String(value) : 'invalid';
}
