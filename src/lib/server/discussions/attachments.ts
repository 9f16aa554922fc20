import { and, eq, inArray, type SQLWrapper } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import {
	ATTACHMENT_TYPES,
	ATTACHMENTS_MAX_MB,
	attachmentTypeList,
	MAX_ATTACHMENTS,
	type AttachmentView
} from '$lib/discussions';
import type { SessionUser } from '../auth/session';
import { uploadProblemMessage } from '../assignments/draft-form';
import { checkUpload, MIB } from '../assignments/upload-checks';
import {
	deleteStoredUpload,
	readFormWithLimit,
	reportStorageFailure,
	storeUpload
} from '../assignments/uploads';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { discussionAttachments, discussionPosts, discussionThreads } from '../db/schema';
import { spaceOfThread, spaceRoleOf } from './space';

// Files on Austausch posts: the checks, storage and download rules of Praxisaufgaben uploads.

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/** The file input's name in the thread and reply forms. */
export const ATTACHMENT_FIELD = 'dateien';

/** Room for the title, the text and the multipart framing on top of the files. */
const FORM_OVERHEAD = 256 * 1024;

export interface StoredAttachment {
	storedName: string;
	originalName: string;
	mimeType: string;
	size: number;
}

interface CheckedFile {
	name: string;
	mime: string;
	bytes: Uint8Array;
}

type Refused = { ok: false; status: number; message: string };

/** File inputs come back empty after a refusal; the message says so. */
const refuse = (status: number, problem: string): Refused => ({
	ok: false,
	status,
	message: `${problem} ${m.discussions_files_choose_again()}`
});

/**
 * Reads a thread or reply form (multipart or not) within the attachments' size limit. Over the
 * limit, the text typed before the files comes back as `values`, to be shown again.
 */
export async function readPostForm(
	request: Request
): Promise<
	{ ok: true; form: FormData; files: File[] } | (Refused & { values: Record<string, string> })
> {
	const read = await readFormWithLimit(request, ATTACHMENTS_MAX_MB * MIB + FORM_OVERHEAD);
	if (!read.ok) {
		const message =
			read.problem === 'too_large'
				? m.discussions_error_files_too_large({ max: ATTACHMENTS_MAX_MB })
				: read.problem === 'server_limit'
					? m.assignments_error_server_limit()
					: m.assignments_error_invalid_form();
		return { ...refuse(read.problem === 'invalid' ? 400 : 413, message), values: read.fields };
	}
	// An empty file input still sends a part: no name and no bytes means "no file chosen".
	const files = read.form
		.getAll(ATTACHMENT_FIELD)
		.filter((part): part is File => part instanceof File && (part.name !== '' || part.size > 0));
	return { ok: true, form: read.form, files };
}

/** Every file must pass the submissions' checks (name, type by content, size); no side effects. */
export async function checkAttachments(
	files: File[]
): Promise<{ ok: true; checked: CheckedFile[] } | Refused> {
	if (files.length > MAX_ATTACHMENTS) {
		return refuse(400, m.discussions_error_files_too_many({ max: MAX_ATTACHMENTS }));
	}
	const checked: CheckedFile[] = [];
	for (const file of files) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		const rules = { types: [...ATTACHMENT_TYPES], maxMB: ATTACHMENTS_MAX_MB };
		const result = await checkUpload({ name: file.name, bytes }, rules);
		if (!result.ok) {
			const message = uploadProblemMessage(result.problem, file.name, {
				types: attachmentTypeList,
				maxMB: ATTACHMENTS_MAX_MB
			});
			return refuse(400, message);
		}
		checked.push({ name: result.name, mime: result.mime, bytes });
	}
	return { ok: true, checked };
}

/** Writes checked files to the upload folder: all of them, or none (what was written is removed). */
export async function storeAttachments(
	checked: CheckedFile[]
): Promise<{ ok: true; stored: StoredAttachment[] } | Refused> {
	const stored: StoredAttachment[] = [];
	try {
		for (const file of checked) {
			const storedName = await storeUpload(file.bytes);
			stored.push({
				storedName,
				originalName: file.name,
				mimeType: file.mime,
				size: file.bytes.byteLength
			});
		}
	} catch (error) {
		reportStorageFailure(error);
		await removeAttachmentFiles(stored.map((file) => file.storedName));
		return refuse(503, m.security_error_upload_storage());
	}
	return { ok: true, stored };
}

export async function removeAttachmentFiles(storedNames: string[]): Promise<void> {
	await Promise.all(storedNames.map((name) => deleteStoredUpload(name)));
}

/** Records stored files on a post, inside the transaction that writes the post. */
export function insertAttachments(
	tx: Tx,
	postId: string,
	uploaderId: string,
	stored: StoredAttachment[],
	now: Date
): void {
	if (!stored.length) return;
	tx.insert(discussionAttachments)
		.values(
			stored.map((file) => ({ id: generateId(), postId, uploaderId, createdAt: now, ...file }))
		)
		.run();
}

/** The stored names of the posts' files, for removal from disk once their rows are gone. */
export function storedNamesOfPosts(tx: Tx, postIds: string[]): string[] {
	if (!postIds.length) return [];
	return tx
		.select({ storedName: discussionAttachments.storedName })
		.from(discussionAttachments)
		.where(inArray(discussionAttachments.postId, postIds))
		.all()
		.map((row) => row.storedName);
}

const typeOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toUpperCase();

/** The files of a page of posts, by post. */
export function attachmentsOf(postIds: string[]): Map<string, AttachmentView[]> {
	const byPost = new Map<string, AttachmentView[]>();
	if (!postIds.length) return byPost;
	const rows = getDb()
		.select({
			id: discussionAttachments.id,
			postId: discussionAttachments.postId,
			name: discussionAttachments.originalName,
			size: discussionAttachments.size
		})
		.from(discussionAttachments)
		.where(inArray(discussionAttachments.postId, postIds))
		.orderBy(discussionAttachments.createdAt, discussionAttachments.id)
		.all();
	for (const { postId, ...file } of rows) {
		const list = byPost.get(postId) ?? [];
		list.push({ ...file, type: typeOf(file.name) });
		byPost.set(postId, list);
	}
	return byPost;
}

/**
 * A file for download, if the person may read its post now: a member or moderator of the
 * thread's space (asked afresh, so leaving the cohort ends access), the post not deleted, and a
 * hidden post's files only for its author and the moderators, as its text.
 */
export function readableAttachment(user: Pick<SessionUser, 'id' | 'role'>, attachmentId: string) {
	const row = getDb()
		.select({
			storedName: discussionAttachments.storedName,
			originalName: discussionAttachments.originalName,
			mimeType: discussionAttachments.mimeType,
			authorId: discussionPosts.authorId,
			hiddenAt: discussionPosts.hiddenAt,
			deletedAt: discussionPosts.deletedAt,
			threadId: discussionThreads.id,
			cohortId: discussionThreads.cohortId
		})
		.from(discussionAttachments)
		.innerJoin(discussionPosts, eq(discussionPosts.id, discussionAttachments.postId))
		.innerJoin(discussionThreads, eq(discussionThreads.id, discussionPosts.threadId))
		.where(eq(discussionAttachments.id, attachmentId))
		.get();
	if (!row || row.deletedAt) return null;
	const space = spaceOfThread({ id: row.threadId, cohortId: row.cohortId });
	const role = space ? spaceRoleOf(user, space) : null;
	if (!role) return null;
	if (row.hiddenAt && row.authorId !== user.id && role !== 'moderator') return null;
	return { storedName: row.storedName, originalName: row.originalName, mimeType: row.mimeType };
}

/** Removes the files a person uploaded to the given posts (rows in the transaction). */
export function deleteUploadsOf(
	tx: Tx,
	uploaderId: string,
	postIds?: string[] | SQLWrapper
): string[] {
	const where = and(
		eq(discussionAttachments.uploaderId, uploaderId),
		postIds ? inArray(discussionAttachments.postId, postIds) : undefined
	);
	const names = tx
		.select({ storedName: discussionAttachments.storedName })
		.from(discussionAttachments)
		.where(where)
		.all()
		.map((row) => row.storedName);
	tx.delete(discussionAttachments).where(where).run();
	return names;
}
