import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { casePhaseTitle } from '$lib/case-consultation';
import { getItem } from '$lib/server/content';
import { isConfirmed } from '$lib/server/http/confirm';
import { pageParam } from '$lib/server/http/page-param';
import { itemUrl } from '$lib/urls';
import {
	attachmentsOf,
	caseConsultationView,
	caseRolesSchema,
	changePhase,
	checkAttachments,
	countOpenReports,
	deletePostAndFiles,
	editPost,
	getPost,
	hidePost,
	listPosts,
	markThreadSeen,
	mentionableKeys,
	mentionablePeople,
	moveSchema,
	moveThread,
	ownPostBody,
	phasesOfPosts,
	phaseStepSchema,
	postUrl,
	postView,
	readPostForm,
	reasonSchema,
	removeAttachmentFiles,
	replySchema,
	replyInThread,
	replyRefusalMessage,
	reportPost,
	requireThread,
	sharedSubmissionView,
	sectionIn,
	sectionsOf,
	sectionTitle,
	setCaseRoles,
	setLocked,
	setPinned,
	showPost,
	spaceUrl,
	spaceView,
	storeAttachments,
	threadUrl,
	trainerIdsOf,
	type AuthorRefusal
} from '$lib/server/discussions';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

type Params = { lehrgang: string; thema: string };

export const load: PageServerLoad = (event) => {
	const { user, role, space, courseId, thread } = requireThread(event);
	const result = listPosts(thread.id, pageParam(event.url.searchParams));
	const files = attachmentsOf(result.rows.map((post) => post.id));
	const trainerIds = trainerIdsOf(space);
	const people = mentionablePeople(space);
	const mentionable = mentionableKeys(people);
	// Reading marks the thread read; a form's answer (a POST re-rendering the page) does not.
	if (event.request.method === 'GET') markThreadSeen(user.id, thread.id);
	const item = thread.itemId ? getItem(thread.itemId) : undefined;
	const params = event.url.searchParams;
	// Only the author's own text comes back into the edit form.
	const editId = params.get('bearbeiten');
	const editing = editId && !thread.lockedAt ? ownPostBody(user.id, thread.id, editId) : null;
	const caseConsultation = caseConsultationView(thread, user, role);
	return {
		caseConsultation,
		/** In a Fallberatung: the phase each post was written in. */
		postPhases: caseConsultation
			? Object.fromEntries(phasesOfPosts(result.rows.map((post) => post.id)))
			: {},
		space: spaceView(space),
		thread: {
			id: thread.id,
			title: thread.title,
			pinned: thread.pinned,
			locked: thread.lockedAt !== null,
			moduleId: thread.moduleId ?? '',
			section: sectionTitle(courseId, thread.moduleId),
			item: item ? { title: item.title, url: itemUrl(item) } : null
		},
		sharedSubmission: sharedSubmissionView(thread, user, role),
		moderator: role === 'moderator',
		mentionNames: people.map((person) => person.name),
		openReports: role === 'moderator' ? countOpenReports(space) : 0,
		sections: role === 'moderator' ? sectionsOf(courseId) : [],
		posts: result.rows.map((post) =>
			postView(
				{ ...post, attachments: files.get(post.id) ?? [] },
				user.id,
				role,
				trainerIds,
				thread.lockedAt !== null,
				mentionable
			)
		),
		total: result.total,
		page: result.page,
		pages: result.pages,
		/** The second steps, asked for by link so they work without JavaScript. */
		pending: {
			report: params.get('melden'),
			hide: params.get('ausblenden'),
			lock: params.has('sperren'),
			delete: params.get('loeschen'),
			edit: editing !== null ? { postId: params.get('bearbeiten') ?? '', body: editing } : null
		}
	};
};

async function reasonForPost(event: RequestEvent<Params>, threadId: string, step: string) {
	const parsed = parseForm(
		await event.request.formData(),
		reasonSchema(),
		m.common_error_duplicate_field()
	);
	if (!parsed.success) return { failure: formFailure(400, parsed.errors, parsed.values) };
	const post = getPost(threadId, parsed.data.postId);
	if (!post) {
		return {
			failure: formFailure(
				404,
				{ form: m.discussions_error_post() },
				{ ...parsed.data, schritt: step }
			)
		};
	}
	return { post, reason: parsed.data.reason };
}

const refusalMessages: Record<AuthorRefusal, () => string> = {
	not_found: m.discussions_error_post,
	not_author: m.discussions_error_not_author,
	deleted: m.discussions_error_deleted,
	locked: m.discussions_error_edit_locked
};

function refusal(reason: AuthorRefusal, values: Record<string, string>) {
	const status = reason === 'not_found' ? 404 : reason === 'not_author' ? 403 : 409;
	return formFailure(status, { form: refusalMessages[reason]() }, values);
}

function requireModeration(event: RequestEvent<Params>) {
	const access = requireThread(event);
	if (access.role !== 'moderator') error(403, 'forbidden');
	return access;
}

export const actions: Actions = {
	antworten: repeatSafe(async (event) => {
		const { user, role, space, thread } = requireThread(event);
		const read = await readPostForm(event.request);
		if (!read.ok) return formFailure(read.status, { dateien: read.message }, read.values);
		const parsed = parseForm(read.form, replySchema(), m.common_error_duplicate_field());
		const files = await checkAttachments(read.files);
		if (!parsed.success || !files.ok) {
			const errors = parsed.success ? {} : parsed.errors;
			if (!files.ok) errors.dateien = files.message;
			return formFailure(
				files.ok ? 400 : files.status,
				errors,
				parsed.success ? parsed.data : parsed.values
			);
		}
		// A locked thread stores nothing (the transaction below would refuse it anyway).
		if (thread.lockedAt)
			return formFailure(409, { body: m.discussions_error_locked() }, parsed.data);
		const stored = await storeAttachments(files.checked);
		if (!stored.ok) return formFailure(stored.status, { dateien: stored.message }, parsed.data);
		const result = replyInThread(
			user,
			role,
			thread.id,
			parsed.data.body,
			new Date(),
			stored.stored
		);
		if (!result.ok) {
			await removeAttachmentFiles(stored.stored.map((file) => file.storedName));
			return formFailure(409, { body: replyRefusalMessage(thread.id, result.reason) }, parsed.data);
		}
		redirect(303, postUrl(space, thread.id, result.postId));
	}),
	bearbeiten: async (event) => {
		const { user, space, thread } = requireThread(event);
		const form = await event.request.formData();
		const postId = String(form.get('postId') ?? '').slice(0, 40);
		const parsed = parseForm(form, replySchema(), m.common_error_duplicate_field());
		if (!parsed.success) {
			return formFailure(400, parsed.errors, { ...parsed.values, postId, schritt: 'bearbeiten' });
		}
		const result = editPost(user, thread, postId, parsed.data.body);
		if (!result.ok) return refusal(result.reason, { postId });
		redirect(303, postUrl(space, thread.id, postId));
	},
	loeschen: async (event) => {
		const { user, space, thread } = requireThread(event);
		const form = await event.request.formData();
		const postId = String(form.get('postId') ?? '').slice(0, 40);
		if (!isConfirmed(form)) {
			redirect(
				303,
				`${threadUrl(space, thread.id)}?${new URLSearchParams({ loeschen: postId })}#beitrag-${postId}`
			);
		}
		const result = await deletePostAndFiles(user, thread, postId);
		if (!result.ok) return refusal(result.reason, { postId });
		if (result.outcome === 'thread_removed') {
			redirect(303, `${spaceUrl(space)}?geloescht`);
		}
		return {
			done: m.discussions_deleted_done()
		};
	},
	melden: repeatSafe(async (event) => {
		const { user, role, thread } = requireThread(event);
		if (role !== 'member') error(403, 'forbidden');
		const input = await reasonForPost(event, thread.id, 'melden');
		if ('failure' in input) return input.failure;
		const result = reportPost(user, thread, input.post, input.reason);
		if (!result.ok) {
			const message =
				result.reason === 'own'
					? m.discussions_error_own_report()
					: m.discussions_error_reported_already();
			return formFailure(409, { form: message }, { postId: input.post.id });
		}
		return { done: m.discussions_reported() };
	}),
	anheften: (event) => {
		const { user, thread } = requireModeration(event);
		setPinned(user, thread, true);
		return { done: m.discussions_pinned_done() };
	},
	abheften: (event) => {
		const { user, thread } = requireModeration(event);
		setPinned(user, thread, false);
		return { done: m.discussions_unpinned_done() };
	},
	sperren: async (event) => {
		const { user, space, thread } = requireModeration(event);
		if (!isConfirmed(await event.request.formData())) {
			redirect(303, `${threadUrl(space, thread.id)}?sperren#moderation`);
		}
		setLocked(user, thread, true);
		return { done: m.discussions_locked_done() };
	},
	entsperren: (event) => {
		const { user, thread } = requireModeration(event);
		setLocked(user, thread, false);
		return { done: m.discussions_unlocked_done() };
	},
	verschieben: async (event) => {
		const { user, courseId, thread } = requireModeration(event);
		const parsed = parseForm(
			await event.request.formData(),
			moveSchema(),
			m.common_error_duplicate_field()
		);
		const moduleId = parsed.success ? sectionIn(courseId, parsed.data.moduleId) : undefined;
		if (moduleId === undefined) {
			return formFailure(400, { moduleId: m.discussions_error_section() });
		}
		const item = thread.itemId ? getItem(thread.itemId) : undefined;
		moveThread(user, thread, moduleId, item?.moduleId === moduleId);
		return { done: m.discussions_moved_done({ section: sectionTitle(courseId, moduleId) }) };
	},
	ausblenden: async (event) => {
		const { user, thread } = requireModeration(event);
		const input = await reasonForPost(event, thread.id, 'ausblenden');
		if ('failure' in input) return input.failure;
		hidePost(user, thread, input.post, input.reason);
		return { done: m.discussions_hidden_done() };
	},
	phase: async (event) => {
		const { user, role, thread } = requireThread(event);
		const parsed = parseForm(
			await event.request.formData(),
			phaseStepSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, { form: m.case_error_step_choice() });
		const result = changePhase(
			user,
			role,
			thread,
			parsed.data.schritt === 'weiter' ? 'forward' : 'back'
		);
		if (!result.ok) {
			if (result.reason === 'not_allowed') error(403, 'forbidden');
			return formFailure(409, { form: m.case_error_step() });
		}
		if (result.closed) return { done: m.case_closed_done() };
		return {
			done: m.case_phase_changed({ number: result.phase, title: casePhaseTitle(result.phase) })
		};
	},
	rollen: async (event) => {
		const { user, thread } = requireModeration(event);
		const parsed = parseForm(
			await event.request.formData(),
			caseRolesSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = setCaseRoles(user, thread, parsed.data);
		if (!result.ok && 'errors' in result) return formFailure(400, result.errors, parsed.data);
		if (!result.ok && result.reason === 'not_allowed') error(404, 'not found');
		if (!result.ok) return formFailure(409, { form: m.case_error_closed() });
		return { done: m.case_roles_saved() };
	},
	einblenden: async (event) => {
		const { user, thread } = requireModeration(event);
		const postId = String((await event.request.formData()).get('postId') ?? '');
		const post = getPost(thread.id, postId);
		if (!post) return formFailure(404, { form: m.discussions_error_post() });
		showPost(user, thread, post);
		return { done: m.discussions_shown_done() };
	}
};
